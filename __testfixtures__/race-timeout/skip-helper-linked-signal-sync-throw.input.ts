// The helper checks its argument before it makes its promise, and throws there: a signal followed
// before its call would stay followed when it throws. Reported, not rewritten.
declare function search(term: string): Promise<string>;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (!Number.isFinite(ms)) throw new RangeError(`bad delay: ${ms}`);
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => clearTimeout(timer));
  });
}

export function process(term: string, signal?: AbortSignal): Promise<string | void> {
  return Promise.race([search(term), sleep(100, signal)]);
}
