// The search is called first and listens to the caller's signal too: on the caller's abort its
// listener runs first, and the race rejects with its error. A follower added before the statement
// would run before it, so the signal is followed from the helper's call on (`followSignal(signal)`),
// where the helper added its own listener: the same listener first, the same error.
declare function search(term: string, signal?: AbortSignal): Promise<string>;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('sleep aborted'));
    });
  });
}

export async function process(term: string, signal?: AbortSignal): Promise<string | void> {
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
  try {
    return await Promise.race([search(term, signal), sleep(100, followSignal(signal))]);
  } finally {
    timerController.abort();
    stopFollowing?.();
  }
}
