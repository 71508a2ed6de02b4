// `onRecord` is called once per record: a settled flag would drop every record after the first.
export function streamRecords(term, onRecord) {
  setTimeout(() => onRecord(new Error('search canceled')), 100);
  const stream = searchStream(term);
  stream.on('data', (record) => onRecord(null, record));
}
