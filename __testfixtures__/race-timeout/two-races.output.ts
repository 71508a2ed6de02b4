declare function search(term: string): Promise<string>;

function timeoutAfter(ms: number): Promise<never> {
  return new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), ms));
}

// sibling functions may both say timerHandle; a nested one may not
export async function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  const first = await Promise.race([
    search(term),
    new Promise<never>((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
  const again = async () => {
    let timerHandle2: ReturnType<typeof setTimeout>;
    return Promise.race([
      search(first),
      new Promise<never>((_, reject) => {
        timerHandle2 = setTimeout(() => reject(new Error('search canceled')), 100);
      }),
    ]).finally(() => clearTimeout(timerHandle2));
  };
  return again();
}

export async function processTwice(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return Promise.race([
    search(term),
    new Promise<never>((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
}

export const unused = timeoutAfter;
