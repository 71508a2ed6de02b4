import { once } from 'node:events';

export async function waitReady(emitter, signal) {
  const [value] = await Promise.race([once(emitter, 'ready', { signal }), timeout(100)]);
  return value;
}
