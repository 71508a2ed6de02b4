// A project whose lib predates Promise.prototype.finally (ES2018): the timer is cleared in both
// handlers of .then() instead, which every promise has.
declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return Promise.race([
    search(term),
    new Promise<never>((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).then(
    (value) => {
      clearTimeout(timerHandle);
      return value;
    },
    (error) => {
      clearTimeout(timerHandle);
      throw error;
    },
  );
}
