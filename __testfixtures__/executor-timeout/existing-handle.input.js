export async function process(term) {
  let timer;
  const record = await new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then(resolve, reject);
  });
  return record;
}
