// The cancel reads what the race gave: run when the race settles, `found` would not be set yet.
declare function search(term: string): Promise<string>;
declare function failAfter(ms: number): { promise: Promise<never>; cancel(reason?: string): void };

export async function process(term: string): Promise<string> {
  const deadline = failAfter(100);
  const found = await Promise.race([search(term), deadline.promise]);
  deadline.cancel(found);
  return found;
}
