declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  // unref() lets the process exit, but the closure stays pinned until the timer fires
  return Promise.race([
    search(term),
    new Promise<never>((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100).unref();
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
