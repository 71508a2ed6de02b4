// The race is the body of an `if`, on the `if`'s own line: broken over several lines by the fix, it
// moves below the `if`, one level in, as Prettier lays out a body it cannot keep beside its head.
export async function process(term) {
  let record = 'cached value';
  if (term) record = await Promise.race([search(term), new Promise((resolve) => setTimeout(() => resolve('cached value'), 100))]);
  return record;
}
