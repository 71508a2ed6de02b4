declare function search(term: string): Promise<string>;

const TIMEOUT = Symbol('timeout');

export async function process(term: string): Promise<string> {
  const record = await Promise.race([
    search(term),
    new Promise<typeof TIMEOUT>((resolve) => setTimeout(() => resolve(TIMEOUT), 100)),
  ]);
  if (record === TIMEOUT) throw new Error('search canceled');
  return record;
}
