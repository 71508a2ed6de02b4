// The clear after the awaited race runs only when the race fulfils. It goes, with one of the blank
// lines around it, and .finally() on the race takes its place.
export async function process(term) {
  let timeoutId;
  const timeout = new Promise((_, reject) => {
    timeoutId = setTimeout(() => reject(new Error('search canceled')), 100);
  });

  const record = await Promise.race([search(term), timeout]).finally(() =>
    clearTimeout(timeoutId),
  );

  return record;
}
