// `Promise.any` settles on the first arm to fulfil: a fallback timer that resolves is raced the same
// way, and is left armed the same way when the search answers first.
declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  return Promise.any([search(term), new Promise<string>((resolve) => setTimeout(() => resolve('cached value'), 100))]);
}
