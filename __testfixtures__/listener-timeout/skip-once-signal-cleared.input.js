// events.once() has a signal aborted when the race settles, and the timer is cleared then too.
import { once } from 'node:events';

export async function waitReady(emitter) {
  const controller = new AbortController();
  let timer;
  try {
    return await Promise.race([
      once(emitter, 'ready', { signal: controller.signal }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('ready timeout')), 100);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
