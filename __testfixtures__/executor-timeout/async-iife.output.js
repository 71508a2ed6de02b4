export function process(term) {
  let timerHandle;
  return new Promise((resolve, reject) => {
    timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    (async () => {
      try {
        const record = await search(term);
        resolve(record);
      } catch (error) {
        reject(error);
      }
    })();
  }).finally(() => clearTimeout(timerHandle));
}
