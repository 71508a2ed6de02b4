// A DOM-style target: the listener added with `{ once: true }` stays when the timer wins.
export function waitReady(target: EventTarget): Promise<Event> {
  return new Promise<Event>((resolve, reject) => {
    let timerHandle: ReturnType<typeof setTimeout> | undefined;

    const onReady = (...args: Parameters<typeof resolve>) => {
      clearTimeout(timerHandle);
      resolve(...args);
    };

    target.addEventListener('ready', onReady, { once: true });
    timerHandle = setTimeout(() => {
      reject(new Error('ready timeout'));
      target.removeEventListener('ready', onReady);
    }, 100);
  });
}
