// The helper is inlined, but its import stays: a JSDoc type still names it.
import { delay } from './helpers/delay.js';

/** @type {typeof delay} */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function process(term) {
  return Promise.race([
    search(term),
    delay(100).then(() => {
      throw new Error('search canceled');
    }),
  ]);
}
