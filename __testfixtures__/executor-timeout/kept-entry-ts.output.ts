// A class keeps the callback under a key of the request; the timer's callback, an arrow, reads the
// same `this`.
declare function search(term: string): Promise<string>;

class Requests {
  private readonly pending = new Map<string, (record: string | undefined) => void>();

  size(): number {
    return this.pending.size;
  }

  request(term: string): Promise<string | undefined> {
    return new Promise((resolve) => {
      const requestTimeout = setTimeout(() => {
        if (this.pending.get(term) === callback) {
          this.pending.delete(term);
        }
        resolve('cached value');
      }, 100);

      // the answer calls it
      const callback = (record: string | undefined) => {
        clearTimeout(requestTimeout);
        resolve(record);
        this.pending.delete(term);
      };
      this.pending.set(term, callback);

      search(term).then((record) => this.pending.get(term)?.(record), () => undefined);
    });
  }
}

const requests = new Requests();

export function pendingCount(): number {
  return requests.size();
}

export function process(term: string): Promise<string | undefined> {
  return requests.request(term);
}
