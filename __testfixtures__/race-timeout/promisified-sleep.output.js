import { promisify } from 'node:util';

const sleep = promisify(setTimeout);

export function process(term) {
  const timerController = new AbortController();
  return Promise.race([search(term), sleep(100, undefined, { signal: timerController.signal }).then(() => Promise.reject(new Error('search canceled')))]).finally(() => timerController.abort());
}
