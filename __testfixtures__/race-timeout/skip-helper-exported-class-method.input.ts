// The sleep is a method of an exported class: a subclass may override it with other parameters, and
// the race's signal would land in one of those. Reported, not rewritten.
declare function search(term: string): Promise<string>;

export class Finder {
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => clearTimeout(timer));
    });
  }

  process(term: string): Promise<string | void> {
    return Promise.race([search(term), this.sleep(100)]);
  }
}
