declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return Promise.race([
    search(term),
    new Promise<string>((resolve) => {
      timerHandle = setTimeout(resolve, 100, 'cached value');
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
