import { Repeater as LibraryRepeater } from '@repeaterjs/repeater';

class Repeater extends LibraryRepeater {}

export async function process(term) {
  const records = new Repeater(async (push) => {
    await push(await search(term));
  });
  const { value } = await Promise.race([records.next(), timeout(100)]);
  return value;
}
