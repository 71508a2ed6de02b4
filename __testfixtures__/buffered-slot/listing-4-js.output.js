// Listing 4 in JavaScript: the unbuffered Repeater's `await push(result)` waits for a second
// `next()` that never comes.
import { Repeater, FixedBuffer } from '@repeaterjs/repeater';

export async function process(term) {
  // Make a channel for the producer to report its result.
  const ch = new Repeater(async (push) => {
    const result = await search(term).then(
      (record) => ({ record, err: null }),
      (err) => ({ record: '', err }),
    );
    await push(result);
  }, new FixedBuffer(1));

  let timerHandle;
  const { value: result } = await Promise.race([
    ch.next(),
    new Promise((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
  if (result.err) {
    throw result.err;
  }
  console.log('Received:', result.record);
}
