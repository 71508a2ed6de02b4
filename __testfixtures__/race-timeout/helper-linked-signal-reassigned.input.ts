// The caller's signal may be replaced before the race (`signal ??= shutdown.signal`): a binding that is
// written is read once, into a const, before the race, so the one followed and later let go is the
// one the helper would have been given.
declare function search(term: string): Promise<string>;

const shutdown = new AbortController();

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error(`sleep aborted: ${String(signal.reason)}`));
    });
  });
}

export function process(term: string, signal?: AbortSignal): Promise<string | void> {
  const found = search(term);
  signal ??= shutdown.signal;
  return Promise.race([found, sleep(100, signal)]);
}
