import { Repeater } from '@repeaterjs/repeater';

export async function process(terms) {
  const records = new Repeater(async (push) => {
    for (const term of terms) await push(await search(term));
  });
  const { value } = await Promise.race([records.next(), timeout(100)]);
  return value;
}
