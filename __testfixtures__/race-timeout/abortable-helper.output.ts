// A sleep helper that takes an AbortSignal and clears its timer on abort, raced without one: the race
// passes a signal of its own, aborted when it settles.
declare function search(term: string): Promise<string>;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

export async function process(term: string): Promise<string> {
  const timerController = new AbortController();
  return Promise.race([
    search(term),
    sleep(100, timerController.signal).then((): never => {
      throw new Error('search canceled');
    }),
  ]).finally(() => timerController.abort());
}
