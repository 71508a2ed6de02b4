// The work arm is given a const AbortSignal.timeout() as its signal: it is work, not an arm that
// waits on the signal, and the inline timer arm is fixed.
declare function search(term: string, options: { signal: AbortSignal }): Promise<string>;

export async function process(term: string): Promise<string> {
  const signal = AbortSignal.timeout(5_000);
  let timerHandle: ReturnType<typeof setTimeout>;
  return Promise.race([
    search(term, { signal }),
    new Promise<string>((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
