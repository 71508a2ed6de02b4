// An async helper that awaits before it adds its abort listener: the listener comes after its call,
// after the search's own. A signal following the caller's, added before the statement, would run
// first and change which one rejects first on a caller's abort, so nothing is written.
declare function search(term: string, signal?: AbortSignal): Promise<string>;
declare function ready(): Promise<void>;

async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  await ready();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

export async function process(term: string, signal?: AbortSignal): Promise<string | void> {
  return Promise.race([sleep(100, signal), search(term, signal)]);
}
