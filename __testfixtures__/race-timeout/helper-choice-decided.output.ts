// The same helper called with a number written out: the choice is decided at the call
// (`isFinite(100)`), and only the timer is inlined.
declare function search(term: string): Promise<string>;

const delay = (duration: number) =>
  isFinite(duration) ? new Promise<void>((resolve) => setTimeout(resolve, duration)) : new Promise<void>(() => undefined);

export function process(term: string): Promise<string | void> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return Promise.race([
    search(term),
    new Promise<void>((resolve) => {
      timerHandle = setTimeout(resolve, 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
