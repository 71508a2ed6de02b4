declare function search(term: string): Promise<string>;

const FALLBACK = 'cached value';

// Serve a fallback when search is slow: the timer resolves instead of rejecting.
export function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return new Promise<string>((resolve, reject) => {
    timerHandle = setTimeout(() => resolve(FALLBACK), 100);
    search(term).then(resolve, reject);
  }).finally(() => clearTimeout(timerHandle));
}
