declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
  });
  const record = await Promise.race([search(term), timeout]).finally(() =>
    clearTimeout(timerHandle),
  );
  return record;
}
