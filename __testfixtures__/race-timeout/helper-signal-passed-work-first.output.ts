// A cancellable sleep helper, passed the caller's signal: the race does not abort it when it settles,
// so the timer stays armed until the caller aborts. `search(term)` runs before the helper's call, so
// the race's own signal follows the caller's from that call on (`followSignal(signal)`).
declare function search(term: string): Promise<string>;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => clearTimeout(timer));
  });
}

export function process(term: string, signal?: AbortSignal): Promise<string | void> {
  const timerController = new AbortController();
  let stopFollowing: (() => void) | undefined;
  const followSignal = (signal?: AbortSignal | null) => {
    const forwardAbort = () => timerController.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort);
    if (signal?.aborted) {
      forwardAbort();
    }
    stopFollowing = () => signal?.removeEventListener('abort', forwardAbort);
    return timerController.signal;
  };
  return Promise.race([search(term), sleep(100, followSignal(signal))]).finally(() => {
    timerController.abort();
    stopFollowing?.();
  });
}
