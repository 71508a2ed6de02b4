// `bus.on()` alone, with `resolve` as the listener: nothing says `bus` has removeListener.
export function nextEvent(bus) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('ready timeout')), 100);
    bus.on('ready', resolve);
  });
}
