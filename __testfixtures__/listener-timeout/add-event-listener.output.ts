// A DOM-style target: the listener added with `{ once: true }` stays when the timer wins.
export function waitReady(target: EventTarget): Promise<Event> {
  return new Promise<Event>((resolve, reject) => {
    let timerHandle: ReturnType<typeof setTimeout>;
    const cleanup = () => {
      clearTimeout(timerHandle);
      target.removeEventListener('ready', onReady);
    };
    const onReady = (...args: Parameters<typeof resolve>) => {
      cleanup();
      resolve(...args);
    };
    target.addEventListener('ready', onReady, { once: true });
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'));
      cleanup();
    }, 100);
  });
}
