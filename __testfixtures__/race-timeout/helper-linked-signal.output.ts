// A cancellable sleep helper passed the caller's signal: when the search wins, its timer stays armed
// until the caller aborts, if ever. The race gives it a signal of its own instead, which follows the
// caller's (aborted with its reason, at once if it already is) and is aborted when the race settles.
declare function search(term: string): Promise<string>;

class ErrorAborted extends Error {
  override name = 'ErrorAborted';
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ErrorAborted(`aborted: ${String(signal.reason)}`));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new ErrorAborted(`aborted: ${String(signal?.reason)}`));
    };
    signal?.addEventListener('abort', onAbort);
  });
}

export function process(term: string, opts?: { signal?: AbortSignal }): Promise<string> {
  const found = search(term);
  const callerSignal = opts?.signal;
  const timerController = new AbortController();
  const forwardAbort = () => timerController.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', forwardAbort);
  if (callerSignal?.aborted) forwardAbort();
  return Promise.race([
    found,
    sleep(100, timerController.signal).then((): never => {
      throw new Error('search canceled');
    }),
  ]).finally(() => {
    timerController.abort();
    callerSignal?.removeEventListener('abort', forwardAbort);
  });
}
