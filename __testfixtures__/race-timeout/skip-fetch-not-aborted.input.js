// The timer is cleared on every path, but the losing fetch is never aborted: it downloads on.
export async function process(term) {
  let timer;
  try {
    const response = await Promise.race([
      fetch(`https://search.example/?q=${term}`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('search canceled')), 100);
      }),
    ]);
    return response.status;
  } finally {
    clearTimeout(timer);
  }
}
