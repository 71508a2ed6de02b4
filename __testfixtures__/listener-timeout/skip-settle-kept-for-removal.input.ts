// The settle functions are listeners and are also kept in variables of the enclosing function, which
// its finally removes: that removal is code this does not follow, so the site is reported, not rewritten.
import type { EventEmitter } from 'node:events';

export async function waitOpen(socket: EventEmitter, ms: number): Promise<void> {
  let errorListener: ((error: Error) => void) | undefined;
  let openListener: (() => void) | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      setTimeout(() => reject(new Error('open timeout')), ms);
      socket.once('error', reject);
      errorListener = reject;
      socket.once('open', resolve);
      openListener = resolve;
    });
  } finally {
    if (errorListener) socket.off('error', errorListener);
    if (openListener) socket.off('open', openListener);
  }
}
