import { Channel } from 'async-channel';

export async function process(term) {
  const results = new Channel(1);
  search(term)
    .catch(() => 'no record')
    .then((record) => results.push(record));
  const printer = await Promise.race([openPrinter(), timeout(100)]);
  const record = await results.get();
  printer.print(record);
  return record;
}
