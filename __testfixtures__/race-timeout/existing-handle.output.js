export async function process(term) {
  let timeoutId;
  const timeout = new Promise((_, reject) => {
    timeoutId = setTimeout(() => reject(new Error('search canceled')), 100);
  });
  return Promise.race([search(term), timeout]).finally(() =>
    clearTimeout(timeoutId),
  );
}
