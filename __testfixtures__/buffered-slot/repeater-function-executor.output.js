import { Repeater, FixedBuffer } from '@repeaterjs/repeater';

export async function process(term) {
  const records = new Repeater(async function (push) {
    await push(await search(term));
  }, new FixedBuffer(1));
  let timerHandle;
  const { value } = await Promise.race([
    records.next(),
    new Promise((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
  return value;
}
