// Listing 4 of "Goroutine Leaks — The Forgotten Sender", in TypeScript: search takes 200 ms and
// process gives up after 100 ms. When search wins, the 100 ms timer stays armed.
declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  const record = await Promise.race([
    search(term),
    new Promise<never>((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
  console.log('Received:', record);
  return record;
}
