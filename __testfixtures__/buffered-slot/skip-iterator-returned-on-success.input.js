// The iterator is returned after the race, which runs only when the race fulfils: when the timer
// wins, the generator's finally never runs.
async function* findRecords(term) {
  yield await search(term);
}

export async function process(term) {
  const records = findRecords(term);
  let timer;
  try {
    const first = await Promise.race([
      records.next(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('search canceled')), 100);
      }),
    ]);
    await records.return();
    return first;
  } finally {
    clearTimeout(timer);
  }
}
