// The iterator comes from the caller's stream: returning it would close a stream this code does not own.
export async function first(stream) {
  const records = stream[Symbol.asyncIterator]();
  return Promise.race([records.next(), timeout(100)]);
}
