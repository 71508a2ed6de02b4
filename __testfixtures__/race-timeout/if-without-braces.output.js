export async function process(term) {
  let timerHandle;
  if (term)
    return Promise.race([
      search(term),
      new Promise((_, reject) => {
        timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
      }),
    ]).finally(() => clearTimeout(timerHandle));
  return '';
}
