// `Promise.any` settles on the first arm to fulfil: a fallback timer that resolves is raced the same
// way, and is left armed the same way when the search answers first.
declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return Promise.any([
    search(term),
    new Promise<string>((resolve) => {
      timerHandle = setTimeout(() => resolve('cached value'), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
