// A DOM-style target: the listener added with `{ once: true }` stays when the timer wins.
export function waitReady(target: EventTarget): Promise<Event> {
  return new Promise<Event>((resolve, reject) => {
    target.addEventListener('ready', resolve, { once: true });
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
}
