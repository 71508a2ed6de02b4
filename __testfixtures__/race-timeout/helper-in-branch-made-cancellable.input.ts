// A sleep helper whose timer is armed in one branch of its executor: only that statement changes.
// `setTimeout(resolve, ms, null)` becomes `resolve(null)` in the new callback.
declare function search(term: string): Promise<string>;

const SEARCH_TIMEOUT = 100;

function timeoutAfter(ms: number): Promise<null> {
  return new Promise((resolve) => {
    if (ms <= 0) {
      resolve(null);
    } else {
      setTimeout(resolve, ms, null);
    }
  });
}

export function process(term: string): Promise<string | null> {
  return Promise.race([search(term), timeoutAfter(SEARCH_TIMEOUT)]);
}
