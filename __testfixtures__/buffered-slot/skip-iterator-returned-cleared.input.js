// The iterator is returned in a finally, and the timer cleared there too: nothing is left.
async function* findRecords(term) {
  yield await search(term);
}

export async function process(term) {
  const records = findRecords(term);
  let timer;
  try {
    return await Promise.race([
      records.next(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('search canceled')), 100);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    await records.return();
  }
}
