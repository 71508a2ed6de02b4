// Two producers send on one channel: a one-slot buffer would free only one of them.
export async function process(term) {
  const ch = new TransformStream();
  const writer = ch.writable.getWriter();
  const reader = ch.readable.getReader();
  (async () => {
    await writer.write(await search(term));
  })();
  (async () => {
    await writer.write(await searchMirror(term));
  })();
  const { value } = await Promise.race([reader.read(), timeout(100)]);
  return value;
}
