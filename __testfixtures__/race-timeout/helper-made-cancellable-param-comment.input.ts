// A comment after the helper's last parameter stays with it: the signal goes after the comment.
declare function search(term: string): Promise<string>;

function timeoutAfter(milliseconds: number, message: string /* shown */): Promise<never> {
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
