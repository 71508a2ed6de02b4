// `channel.onmessage = null` type-checks only where lib.dom declares BroadcastChannel; in a Node
// project without `dom` in its tsconfig.json `lib` it fails (TS2322). Neither this repository's
// tsconfig.json (lib es2022) nor a text with no file on disk shows dom: reported, not rewritten.
export async function firstMessage(name: string): Promise<void> {
  const channel = new BroadcastChannel(name);
  await new Promise<void>((resolve, reject) => {
    channel.onmessage = () => resolve();
    setTimeout(() => reject(new Error('no message')), 100);
  });
  channel.close();
}
