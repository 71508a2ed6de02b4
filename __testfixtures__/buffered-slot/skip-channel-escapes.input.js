// The readable side is handed to the caller, who may read it any way it likes.
export function process(term) {
  const ch = new TransformStream();
  const writer = ch.writable.getWriter();
  (async () => {
    await writer.write(await search(term));
  })();
  return ch.readable;
}
