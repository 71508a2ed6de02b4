import { promisify } from 'node:util';

const sleep = promisify(setTimeout);

export function process(term) {
  return Promise.race([search(term), sleep(100).then(() => Promise.reject(new Error('search canceled')))]);
}
