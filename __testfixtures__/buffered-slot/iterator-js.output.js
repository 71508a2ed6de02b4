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
  let timerHandle;
  return Promise.race([
    records.next(),
    new Promise((_, reject) => {
      timerHandle = setTimeout(reject, 100, new Error('search canceled'));
    }),
  ]).finally(() => clearTimeout(timerHandle)).catch((raceError) => {
    records.return().catch(() => {});
    throw raceError;
  });
}
