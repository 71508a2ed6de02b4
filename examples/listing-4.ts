// Listing 4 of "Goroutine Leaks — The Forgotten Sender" (Jacob Walker, Ardan Labs, 2018), in
// TypeScript. search takes 200 ms; process gives up after 100 ms. When search wins, the timer stays
// armed for another 100 ms; when the timer wins, search runs on and its result is dropped.

// search simulates a function that finds a record based on a search term. It takes 200 ms.
async function search(term: string): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  return `some value for ${term}`;
}

// process finds a record then prints it. It fails if it takes more than 100 ms.
export async function process(term: string): Promise<void> {
  const record = await Promise.race([
    search(term),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100)),
  ]);
  console.log('Received:', record);
}
