declare function search(term: string): Promise<string>;

const TIMEOUT = Symbol('timeout');

export async function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  const record = await Promise.race([
    search(term),
    new Promise<typeof TIMEOUT>((resolve) => {
      timerHandle = setTimeout(() => resolve(TIMEOUT), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
  if (record === TIMEOUT) throw new Error('search canceled');
  return record;
}
