// The producer's completion is awaited: a buffer would change when `process` returns.
export async function process(term) {
  const ch = new TransformStream();
  const writer = ch.writable.getWriter();
  const reader = ch.readable.getReader();
  const producer = (async () => {
    await writer.write(await search(term));
  })();
  const { value } = await Promise.race([reader.read(), timeout(100)]);
  await producer;
  return value;
}
