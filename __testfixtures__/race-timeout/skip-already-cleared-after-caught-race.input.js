export async function process(term) {
  let timer;
  const record = await Promise.race([
    search(term),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).catch(() => null);
  clearTimeout(timer);
  return record;
}
