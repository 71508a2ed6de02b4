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
  let timerHandle: ReturnType<typeof setTimeout>;
  const first = await Promise.race([
    records.next(),
    new Promise<never>((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle)).catch((raceError) => {
    records.return().catch(() => {});
    throw raceError;
  });
  return first.done ? '' : first.value;
}
