async function* findRecords(term) {
  yield await search(term);
  yield await search(`${term} again`);
}

// The iterator is read again after the race: the caller goes on with it.
export async function process(term) {
  const records = findRecords(term);
  let timerHandle;
  const first = await Promise.race([
    records.next(),
    new Promise((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
  const second = await records.next();
  return [first, second];
}
