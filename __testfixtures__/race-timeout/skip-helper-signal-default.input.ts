// The helper's signal parameter has a default, the application's shutdown signal: a signal the race
// passed would replace it, and a shutdown would no longer stop the sleep. Reported, not rewritten.
declare function search(term: string): Promise<string>;

const shutdown = new AbortController();

function sleep(ms: number, signal: AbortSignal = shutdown.signal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

export function process(term: string): Promise<string | void> {
  return Promise.race([search(term), sleep(100)]);
}
