declare function search(term: string): Promise<string>;

function timeoutAfter(ms: number): Promise<never> {
  return new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), ms));
}

// sibling functions may both say timerHandle; a nested one may not
export async function process(term: string): Promise<string> {
  const first = await Promise.race([search(term), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
  const again = async () =>
    Promise.race([search(first), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
  return again();
}

export async function processTwice(term: string): Promise<string> {
  return Promise.race([search(term), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
}

export const unused = timeoutAfter;
