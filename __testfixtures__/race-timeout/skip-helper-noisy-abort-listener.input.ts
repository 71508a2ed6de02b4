// The helper's abort listener logs as well as clearing the timer: aborted each time the race
// settles, it would log on every search that wins. Reported, not rewritten.
declare function search(term: string): Promise<string>;

export const log: string[] = [];

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      log.push('sleep cancelled');
      resolve();
    });
  });
}

export function process(term: string, signal?: AbortSignal): Promise<string | void> {
  return Promise.race([search(term), sleep(100, signal)]);
}
