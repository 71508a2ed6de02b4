// The helper's first abort listener clears its timer; a second one counts aborts. Aborted each time
// the race settles, the count would grow on every search that wins. Reported, not rewritten.
declare function search(term: string): Promise<string>;

export let aborts = 0;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => clearTimeout(timer));
    signal?.addEventListener('abort', () => {
      aborts += 1;
    });
  });
}

export function process(term: string): Promise<string | void> {
  return Promise.race([search(term), sleep(100)]);
}
