// A class of this file whose handler property does not take null: `relay.onopen = null` would not
// type-check.
class Relay {
  onopen: () => void = () => {};
  constructor(readonly url: string) {}
}

export async function connect(url: string): Promise<Relay> {
  const relay = new Relay(url);
  await new Promise<void>((resolve, reject) => {
    relay.onopen = () => resolve();
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
  return relay;
}
