// The consumer reads until the stream ends: not a one-shot channel.
export async function process(term) {
  const ch = new TransformStream();
  const writer = ch.writable.getWriter();
  const reader = ch.readable.getReader();
  (async () => {
    await writer.write(await search(term));
  })();
  const values = [];
  for (;;) {
    const { value, done } = await Promise.race([reader.read(), timeout(100)]);
    if (done) break;
    values.push(value);
  }
  return values;
}
