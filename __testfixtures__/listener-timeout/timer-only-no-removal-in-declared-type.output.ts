// The emitter's type, declared here, has no way to remove a listener.
interface Bus {
  on(event: string, listener: (value: string) => void): void;
}

export function waitReady(bus: Bus): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return new Promise<string>((resolve, reject) => {
    timerHandle = setTimeout(() => reject(new Error('ready timeout')), 100);
    bus.on('ready', (value: string) => resolve(value));
  }).finally(() => clearTimeout(timerHandle));
}
