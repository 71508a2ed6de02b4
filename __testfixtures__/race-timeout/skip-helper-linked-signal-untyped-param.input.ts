// The search runs before the helper's call, so the caller's signal would be followed from that call
// on, by a function that takes it there; but the helper's parameter is `any`, so that function's own
// parameter could not be typed to take whatever is passed. Reported, not rewritten.
declare function search(term: string): Promise<string>;

function sleep(ms: number, signal?: any): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => clearTimeout(timer));
  });
}

export function process(term: string, signal?: AbortSignal): Promise<string | void> {
  return Promise.race([search(term), sleep(100, signal)]);
}
