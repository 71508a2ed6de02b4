declare function search(term: string): Promise<string>;

export class Deadline {
  static within<T>(work: Promise<T>, ms: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      setTimeout(() => reject(new Error('search canceled')), ms);
      work.then(resolve, reject);
    });
  }
}

export function process(term: string): Promise<string> {
  return Deadline.within(search(term), 100);
}
