// `bus.on()` alone, with `resolve` as the listener: nothing says `bus` has removeListener.
export function nextEvent(bus) {
  let timerHandle;
  return new Promise((resolve, reject) => {
    timerHandle = setTimeout(() => reject(new Error('ready timeout')), 100);
    bus.on('ready', resolve);
  }).finally(() => clearTimeout(timerHandle));
}
