// The race fits on its line, but not once `.finally(…)` is added to it: the arrow's body goes on a
// line of its own, as Prettier lays out a last argument that is a function.
export async function process(term) {
  const timeout = new Promise((_, reject) => {
    setTimeout(() => reject(new Error('search canceled')), 100);
  });
  const record = await Promise.race([search(term), timeout]);
  return record;
}
