// One timer bounds two races: clearing it when the first settles would cut the second short.
export async function process(term) {
  const deadline = new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100));
  const first = await Promise.race([search(term), deadline]);
  const second = await Promise.race([search(first), deadline]);
  return second;
}
