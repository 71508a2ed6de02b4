// The caller's signal is replaced before the race: read again in a finally, `signal` could be another
// signal than the one the helper was given, so no signal following it is written.
declare function search(term: string): Promise<string>;
declare const shutdown: AbortSignal;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => clearTimeout(timer));
  });
}

export function process(term: string, signal?: AbortSignal): Promise<string | void> {
  const found = search(term);
  signal ??= shutdown;
  return Promise.race([found, sleep(100, signal)]);
}
