// The consumer races `records.next()` against a timer; when the timer wins it walks away without
// `records.return()`, and the generator's finally (closing the cursor) never runs.
declare function search(term: string): Promise<string>;
declare function openCursor(): { close(): void };

async function* findRecords(term: string) {
  const cursor = openCursor();
  try {
    yield await search(term);
  } finally {
    cursor.close();
  }
}

export async function process(term: string): Promise<string> {
  const records = findRecords(term);
  const first = await Promise.race([
    records.next(),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100)),
  ]);
  return first.done ? '' : first.value;
}
