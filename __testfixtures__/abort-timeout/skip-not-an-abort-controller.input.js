// `.abort()` on a pool's pending operation is not an AbortController's: not an abort timer.
export async function process(term, pool) {
  const operation = pool.acquire();
  setTimeout(() => operation.abort(), 100);
  const connection = await operation.promise;
  return connection.query(term);
}
