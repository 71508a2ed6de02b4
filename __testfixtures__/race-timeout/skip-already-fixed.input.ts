// The fixed form of Listing 4: the timer is cleared as soon as the race settles.
declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const record = await Promise.race([
    search(term),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timer));
  return record;
}
