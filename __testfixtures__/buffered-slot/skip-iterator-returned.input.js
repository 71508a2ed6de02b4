async function* findRecords(term) {
  yield await search(term);
}

export async function process(term) {
  const records = findRecords(term);
  try {
    return await Promise.race([records.next(), timeout(100)]);
  } finally {
    await records.return();
  }
}
