async function* findRecords(term) {
  yield await search(term);
  yield await search(`${term} again`);
}

// After a timeout the loop tries again on the same iterator: returning it would end the next try.
export async function process(term) {
  const records = findRecords(term);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      return await Promise.race([records.next(), timeout(100)]);
    } catch {
      continue;
    }
  }
  return undefined;
}
