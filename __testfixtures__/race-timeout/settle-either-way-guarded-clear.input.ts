// The timer settles the race one way or the other (reject with the error when there is one, else
// resolve undefined), and its guarded clear after the await runs only when the race fulfils.
declare function search(term: string): Promise<string>;

export async function process(term: string, error: Error | undefined = new Error('search canceled')): Promise<string | undefined> {
  let timeoutId: ReturnType<typeof setTimeout> | undefined;
  const result = await Promise.race([
    search(term),
    new Promise<undefined>((resolve, reject) => {
      timeoutId = setTimeout(() => (error ? reject(error) : resolve(undefined)), 100);
    }),
  ]);
  if (timeoutId) {
    clearTimeout(timeoutId);
  }
  return result;
}
