// The work arm reads a const that was given an AbortSignal.timeout() on its way (a connection dialed
// with a deadline): it is still work, not a timeout arm, and the inline timer arm is fixed.
declare function search(term: string): Promise<string>;

async function prepare(term: string, options: { signal: AbortSignal }): Promise<string> {
  options.signal.throwIfAborted();
  return term;
}

export async function process(term: string): Promise<string> {
  const query = await prepare(term, { signal: AbortSignal.timeout(5_000) });
  return Promise.race([
    search(query),
    new Promise<string>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100)),
  ]);
}
