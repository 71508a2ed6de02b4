async function* findRecords(term) {
  const cursor = openCursor();
  try {
    yield await search(term);
  } finally {
    cursor.close();
  }
}

export function process(term) {
  const records = findRecords(term);
  return Promise.race([records.next(), new Promise((_, reject) => setTimeout(reject, 100, new Error('search canceled')))]).catch((raceError) => {
    records.return().catch(() => {});
    throw raceError;
  });
}
