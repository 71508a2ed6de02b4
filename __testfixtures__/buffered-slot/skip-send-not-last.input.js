// The producer goes on after its send (it closes the writer): buffering would let it run on earlier.
export async function process(term) {
  const ch = new TransformStream();
  const writer = ch.writable.getWriter();
  const reader = ch.readable.getReader();
  (async () => {
    await writer.write(await search(term));
    await writer.close();
  })();
  const { value } = await Promise.race([reader.read(), timeout(100)]);
  return value;
}
