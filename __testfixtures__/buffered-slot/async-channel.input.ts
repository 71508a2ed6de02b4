// async-channel's `new Channel()` has capacity 0: `push(v)` waits for a `get()`. When opening the
// printer times out, process leaves before its get, and the producer's push waits forever.
import { Channel } from 'async-channel';

declare function search(term: string): Promise<string>;
declare function openPrinter(): Promise<{ print(record: string): void }>;
declare function timeout(ms: number): Promise<never>;

export async function process(term: string): Promise<string> {
  const ch = new Channel<string>();
  void (async () => {
    const record = await search(term).catch(() => 'no record');
    await ch.push(record);
  })();
  const printer = await Promise.race([openPrinter(), timeout(100)]);
  const record = await ch.get();
  printer.print(record);
  return record;
}
