import { TransformStream } from './my-streams.js';

export async function process(term) {
  const ch = new TransformStream();
  const writer = ch.writable.getWriter();
  const reader = ch.readable.getReader();
  (async () => {
    await writer.write(await search(term));
  })();
  const { value } = await Promise.race([reader.read(), timeout(100)]);
  return value;
}
