declare function search(term: string): Promise<string>;

const timerHandle = 'taken at module level';

export async function process(term: string): Promise<string> {
  const record = await Promise.race([search(term), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
  return `${record} ${timerHandle.length}`;
}
