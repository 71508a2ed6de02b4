// The consumer can leave before it reads: when opening the printer times out, nobody will ever
// read the channel, and the producer's write on the default TransformStream (readable
// highWaterMark 0) waits forever.
declare function search(term: string): Promise<string>;
declare function openPrinter(): Promise<{ print(record: string): void }>;
declare function timeout(ms: number): Promise<never>;

export async function process(term: string): Promise<string> {
  const channel = new TransformStream<string, string>(undefined, undefined, { highWaterMark: 1 });
  const reader = channel.readable.getReader();
  const writer = channel.writable.getWriter();
  search(term)
    .catch(() => 'no record')
    .then((record) => writer.write(record));
  const printer = await Promise.race([openPrinter(), timeout(100)]);
  const { value } = await reader.read();
  printer.print(value!);
  return value!;
}
