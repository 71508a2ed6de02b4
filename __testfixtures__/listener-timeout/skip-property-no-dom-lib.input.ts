// This project's tsconfig.json has `"lib": ["es2022"]`, no `dom`: `channel.onmessage = null` would not
// type-check (TS2322, or BroadcastChannel not declared). Reported, not rewritten.
export async function firstMessage(name: string): Promise<void> {
  const channel = new BroadcastChannel(name);
  await new Promise<void>((resolve, reject) => {
    channel.onmessage = () => resolve();
    setTimeout(() => reject(new Error('no message')), 100);
  });
  channel.close();
}
