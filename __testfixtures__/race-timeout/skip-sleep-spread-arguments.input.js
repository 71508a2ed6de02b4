// `sleep(...args)`: where an options object would go is not known from the call.
import { setTimeout as sleep } from 'node:timers/promises';

export function process(term, ...args) {
  return Promise.race([search(term), sleep(100, ...args)]);
}
