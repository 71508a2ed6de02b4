// The arms are held in a const array first, then raced: the handle is declared before the array,
// where the timer is armed, and the race clears it.
declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  const arms = [
    search(term),
    new Promise<string>((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ];

  return Promise.race(arms).finally(() => clearTimeout(timerHandle));
}
