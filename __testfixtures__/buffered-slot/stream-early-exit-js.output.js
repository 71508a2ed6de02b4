export async function process(term) {
  const ch = new TransformStream(undefined, undefined, { highWaterMark: 1 });
  const writer = ch.writable.getWriter();
  const reader = ch.readable.getReader();
  (async () => {
    const record = await search(term).catch(() => 'no record');
    await writer.write(record);
  })();
  const printer = await Promise.race([openPrinter(), timeout(100)]);
  const { value } = await reader.read();
  printer.print(value);
  return value;
}
