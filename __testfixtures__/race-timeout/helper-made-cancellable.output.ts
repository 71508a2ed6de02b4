// The helper chooses between a timer and a promise that never settles at each call: inlining it would
// copy that choice into the race, a diff nobody would merge. The helper itself is made cancellable
// (an optional last `signal`), and the race passes one that it aborts when it settles.
declare function search(term: string): Promise<string>;

const delay = (duration: number, signal?: AbortSignal) =>
  isFinite(duration) ? new Promise<void>((resolve) => {
    const onAbort = () => clearTimeout(timer);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, duration);
    signal?.addEventListener('abort', onAbort);
  }) : new Promise<void>(() => undefined);

const SEARCH_TIMEOUT = 100;

export function process(term: string): Promise<string | void> {
  const timerController = new AbortController();
  return Promise.race([search(term), delay(SEARCH_TIMEOUT, timerController.signal)]).finally(() =>
    timerController.abort(),
  );
}
