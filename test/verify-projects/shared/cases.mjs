// The test cases every runner's project runs: each calls a race three times and checks its result.
import assert from 'node:assert/strict';
import { bus, executorLookup, fetchText, nextMessage, raceLookup } from './src/timeouts.mjs';

const TIMES = 3;

export const cases = [
  ['race with an inline timer', async () => {
    for (let i = 0; i < TIMES; i++) assert.equal(await raceLookup(`a${i}`), `record for a${i}`);
  }],
  ['executor with a timer', async () => {
    for (let i = 0; i < TIMES; i++) assert.equal(await executorLookup(`b${i}`), `record for b${i}`);
  }],
  ['fetch aborted by a timer', async () => {
    for (let i = 0; i < TIMES; i++) assert.equal(await fetchText(`data:text/plain,c${i}`), `c${i}`);
  }],
  ['once listener raced by a timer', async () => {
    for (let i = 0; i < TIMES; i++) {
      const message = nextMessage();
      bus.emit('message', `d${i}`);
      assert.equal(await message, `d${i}`);
    }
  }],
];
