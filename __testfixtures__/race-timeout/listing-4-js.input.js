// Listing 4 in JavaScript: search takes 200 ms, process gives up after 100 ms.
export async function process(term) {
  const record = await Promise.race([
    search(term),
    new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100)),
  ]);
  console.log('Received:', record);
  return record;
}
