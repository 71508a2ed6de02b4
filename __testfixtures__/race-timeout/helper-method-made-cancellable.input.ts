// A sleep helper that is a method of the class whose race uses it: the method takes an optional
// `signal` after its defaulted parameter, and the race passes one (with `undefined` for the delay).
// Its promise has no declared type, so the timer's callback resolves with `undefined`, as before.
declare function search(term: string): Promise<string>;

const PAUSE = 100;

class Searcher {
  pause(ms = PAUSE) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  find(term: string) {
    return Promise.race([search(term), this.pause()]);
  }
}

export function process(term: string) {
  return new Searcher().find(term);
}
