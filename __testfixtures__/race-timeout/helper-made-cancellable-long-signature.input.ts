// The helper is used twice, so it is made cancellable at its definition. With the signal its
// signature no longer fits the print width (80): the parameters go one per line, as Prettier breaks
// a signature (with a trailing comma, Prettier's default, as the file says nothing else).
declare function search(term: string): Promise<string>;

function timeoutAfter(milliseconds: number, message: string): Promise<never> {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error(message)), milliseconds);
  });
}

export async function process(term: string): Promise<string> {
  return await Promise.race([
    search(term),
    timeoutAfter(100, `search of ${term} canceled`),
  ]);
}

export async function processAgain(term: string): Promise<string> {
  return await Promise.race([search(term), timeoutAfter(100, 'canceled')]);
}
