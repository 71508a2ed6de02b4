declare function search(term: string): Promise<string>;

async function* findRecords(term: string): AsyncIterableIterator<string> {
  yield await search(term);
}

// `return` is optional on an AsyncIterableIterator: `records.return()` would not type-check, so only
// the timer is fixed, and the iterator is said.
export async function process(term: string) {
  const records = findRecords(term);
  return Promise.race([records.next(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
}
