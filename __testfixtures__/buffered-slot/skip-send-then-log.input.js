// The producer logs after its send: with a buffer the log would come before anyone reads.
export async function process(term) {
  const ch = new TransformStream();
  const writer = ch.writable.getWriter();
  const reader = ch.readable.getReader();
  (async () => {
    await writer.write(await search(term));
    console.log('sent');
  })();
  const { value } = await Promise.race([reader.read(), timeout(100)]);
  return value;
}
