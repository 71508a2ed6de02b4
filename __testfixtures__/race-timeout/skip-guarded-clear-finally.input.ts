// The most common correct shape in the wild: a handle tested before it is cleared, in a finally.
declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      search(term),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('search canceled')), 100);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
