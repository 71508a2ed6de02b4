// An 'abort' listener on an AbortSignal runs at most once: the signal never dispatches again, so the
// handler that clears the timer need not remove itself. The timer removes it. Nothing to do.
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const id = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(id);
      resolve();
    }
    signal?.addEventListener('abort', onAbort);
  });
}
