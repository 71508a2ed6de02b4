// The helper's parameters stand one per line already, with no trailing comma: the signal goes on a
// line of its own after them, in the same layout.
declare function search(term: string): Promise<string>;

function timeoutAfter(
  milliseconds: number,
  message: string
): Promise<never> {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error(message)), milliseconds);
  });
}

export async function process(term: string): Promise<string> {
  return await Promise.race([search(term), timeoutAfter(100, `${term}?`)]);
}

export async function processAgain(term: string): Promise<string> {
  return await Promise.race([search(term), timeoutAfter(100, 'canceled')]);
}
