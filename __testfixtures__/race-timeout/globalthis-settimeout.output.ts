declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof globalThis.setTimeout>;
  return Promise.race([
    new Promise<never>((_, reject) => {
      timerHandle = globalThis.setTimeout(() => reject(new Error('search canceled')), 100);
    }),
    search(term),
  ]).finally(() => globalThis.clearTimeout(timerHandle));
}
