declare function search(term: string): Promise<string>;

export class Deadline {
  static within<T>(work: Promise<T>, ms: number): Promise<T> {
    let timerHandle: ReturnType<typeof setTimeout>;
    return new Promise<T>((resolve, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), ms);
      work.then(resolve, reject);
    }).finally(() => clearTimeout(timerHandle));
  }
}

export function process(term: string): Promise<string> {
  return Deadline.within(search(term), 100);
}
