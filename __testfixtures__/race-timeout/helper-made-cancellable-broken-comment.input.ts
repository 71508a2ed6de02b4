// The helper's parameters stand one per line, the last with a comment after it: the signal takes a
// line of its own below, and the comment stays with the parameter it describes.
declare function search(term: string): Promise<string>;

function timeoutAfter(
  milliseconds: number,
  message: string, // shown to the user
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
