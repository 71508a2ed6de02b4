// `channel.onmessage = null` type-checks only where lib.dom declares BroadcastChannel; in a Node
// project without `dom` in its tsconfig.json `lib` it fails (TS2322). The fixture is checked as text,
// with no project to tell: reported, not rewritten (the behaviour test has the project without dom).
export async function firstMessage(name: string): Promise<void> {
  const channel = new BroadcastChannel(name);
  await new Promise<void>((resolve, reject) => {
    channel.onmessage = () => resolve();
    setTimeout(() => reject(new Error('no message')), 100);
  });
  channel.close();
}
