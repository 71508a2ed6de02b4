// The repository's sleep helper: a timer for a finite duration, a promise that never settles for an
// infinite one. Inlining it would copy that choice into every race, so it is made cancellable here.
export const delay = (duration: number, signal?: AbortSignal) =>
  isFinite(duration)
    ? new Promise<void>(resolve => {
        const onAbort = () => clearTimeout(timer);
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, duration);
        signal?.addEventListener('abort', onAbort);
      })
    : new Promise<void>(() => undefined);

export const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
