async function* findRecords(term) {
  yield await search(term);
  yield await search(`${term} again`);
}

// The iterator is read again after the race: the caller goes on with it.
export async function process(term) {
  const records = findRecords(term);
  const first = await Promise.race([records.next(), new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
  const second = await records.next();
  return [first, second];
}
