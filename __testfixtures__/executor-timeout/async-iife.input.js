export function process(term) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('search canceled')), 100);
    (async () => {
      try {
        const record = await search(term);
        resolve(record);
      } catch (error) {
        reject(error);
      }
    })();
  });
}
