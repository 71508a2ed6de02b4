// A cancellable sleep helper, passed the caller's signal: the race does not abort it when it settles,
// so the timer stays armed until the caller aborts. `search(term)` runs before the helper's call and
// might add its own abort listener to the signal first; a signal following the caller's, added before
// the statement, would change which one runs first, so combining them is left to a person.
declare function search(term: string): Promise<string>;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => clearTimeout(timer));
  });
}

export function process(term: string, signal?: AbortSignal): Promise<string | void> {
  return Promise.race([search(term), sleep(100, signal)]);
}
