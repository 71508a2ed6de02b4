// Listing 4 of "Goroutine Leaks — The Forgotten Sender", as a new Promise executor: search takes
// 200 ms and process gives up after 100 ms. When search wins or fails, the 100 ms timer stays armed.
declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  const record = await new Promise<string>((resolve, reject) => {
    timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then(resolve, reject);
  }).finally(() => clearTimeout(timerHandle));
  console.log('Received:', record);
  return record;
}
