import { once } from 'node:events';

export async function waitReady(emitter, options) {
  const [value] = await Promise.race([once(emitter, 'ready', options), timeout(100)]);
  return value;
}
