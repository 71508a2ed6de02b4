// One producer per term, all on one channel: more than one send.
export async function process(terms) {
  const ch = new TransformStream();
  const writer = ch.writable.getWriter();
  const reader = ch.readable.getReader();
  for (const term of terms) {
    (async () => {
      await writer.write(await search(term));
    })();
  }
  const { value } = await Promise.race([reader.read(), timeout(100)]);
  return value;
}
