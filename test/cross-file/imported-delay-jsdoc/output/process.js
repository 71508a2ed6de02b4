// The helper is inlined, but its import stays: a JSDoc type still names it.
import { delay } from './helpers/delay.js';

/** @type {typeof delay} */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function process(term) {
  let timerHandle;
  return Promise.race([
    search(term),
    new Promise((resolve) => {
      timerHandle = setTimeout(resolve, 100);
    }).then(() => {
      throw new Error('search canceled');
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
