// The race runs only when nothing is cached: a follower added before the statement would stay on the
// caller's signal whenever the race is skipped, so the signal is followed from the helper's call on,
// by `followSignal(signal)` in its place, and let go when the race settles.
declare function search(term: string): Promise<string>;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('sleep aborted'));
    });
  });
}

const cache = new Map<string, string>();

export async function process(term: string, signal?: AbortSignal): Promise<string | void> {
  const found = search(term);
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
  return cache.get(term) ?? (await Promise.race([found, sleep(100, followSignal(signal))]).finally(() => {
    timerController.abort();
    stopFollowing?.();
  }));
}
