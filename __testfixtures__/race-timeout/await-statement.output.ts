// The race is awaited by a statement of its own: a try/finally around it clears the timer in the
// same turn the await resumes, so what follows runs no microtask later than before.
declare function search(term: string): Promise<string>;

export async function process(term: string, after: () => void = () => undefined): Promise<void> {
  let timerHandle!: ReturnType<typeof setTimeout>;
  try {
    await Promise.race([
      search(term),
      new Promise<never>((_, reject) => {
        timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
      }),
    ]);
  } finally {
    clearTimeout(timerHandle);
  }
  after();
}
