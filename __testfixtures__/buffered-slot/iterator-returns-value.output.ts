declare function search(term: string): Promise<string>;

async function* findRecords(term: string) {
  yield await search(term);
  return 'done';
}

// `records.return()` would need an argument of type string here.
export async function process(term: string) {
  const records = findRecords(term);
  let timerHandle: ReturnType<typeof setTimeout>;
  return Promise.race([
    records.next(),
    new Promise<never>((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
