export async function process(term) {
  let timer;
  try {
    return await Promise.race([
      search(term),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('search canceled')), 100);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
