// The caller's signal, typed and always there, passed to a cancellable sleep raced in a statement of
// its own: the race's own signal follows it, and a try/finally aborts that one on every path.
declare function search(term: string): Promise<string>;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });
}

export async function process(term: string, signal: AbortSignal = new AbortController().signal): Promise<string> {
  const results = [search(term)];
  let value = 'none';
  void results[0].then((found) => (value = found));
  const timerController = new AbortController();
  const forwardAbort = () => timerController.abort(signal.reason);
  signal.addEventListener('abort', forwardAbort);
  if (signal.aborted) {
    forwardAbort();
  }
  try {
    await Promise.race([
      Promise.all(results),
      sleep(100, timerController.signal).then((): never => {
        throw new Error('search canceled');
      }),
    ]);
  } finally {
    timerController.abort();
    signal.removeEventListener('abort', forwardAbort);
  }
  return value;
}
