// A timeout held by an object of the code's own, raced by its promise and cancelled by its own
// method on the line after the awaited race: when the search fails, the cancel is skipped and the
// timer stays armed. The cancel now runs when the race settles, on every path.
declare function search(term: string): Promise<string>;

function failAfter(ms: number): { promise: Promise<never>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('search canceled')), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

export async function process(term: string): Promise<string> {
  const deadline = failAfter(100);
  const found = await Promise.race([search(term), deadline.promise]).finally(() => {
    deadline.cancel();
  });
  return found;
}
