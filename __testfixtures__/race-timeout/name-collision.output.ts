declare function search(term: string): Promise<string>;

const timerHandle = 'taken at module level';

export async function process(term: string): Promise<string> {
  let timerHandle2: ReturnType<typeof setTimeout>;
  const record = await Promise.race([
    search(term),
    new Promise<never>((_, reject) => {
      timerHandle2 = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle2));
  return `${record} ${timerHandle.length}`;
}
