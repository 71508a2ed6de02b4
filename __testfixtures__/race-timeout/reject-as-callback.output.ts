declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return Promise.race([
    search(term),
    new Promise<never>((_, reject) => {
      timerHandle = setTimeout(reject, 100, new Error('search canceled'));
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
