// A sleep helper that is a method of the class whose race uses it: the method takes an optional
// `signal` after its defaulted parameter, and the race passes one (with `undefined` for the delay).
// Its promise has no declared type, so the timer's callback resolves with `undefined`, as before.
declare function search(term: string): Promise<string>;

const PAUSE = 100;

class Searcher {
  pause(ms = PAUSE, signal?: AbortSignal) {
    return new Promise((resolve) => {
      const onAbort = () => clearTimeout(timer);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve(undefined);
      }, ms);
      signal?.addEventListener('abort', onAbort);
    });
  }

  find(term: string) {
    const timerController = new AbortController();
    return Promise.race([search(term), this.pause(undefined, timerController.signal)]).finally(() => timerController.abort());
  }
}

export function process(term: string) {
  return new Searcher().find(term);
}
