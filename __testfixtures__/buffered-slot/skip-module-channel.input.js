// One channel for the whole module: every call of process shares it.
const ch = new TransformStream();

export async function process(term) {
  const writer = ch.writable.getWriter();
  await writer.write(await search(term));
}
