import { once } from './my-events.js';

export async function waitReady(emitter) {
  const [value] = await Promise.race([once(emitter, 'ready'), timeout(100)]);
  return value;
}
