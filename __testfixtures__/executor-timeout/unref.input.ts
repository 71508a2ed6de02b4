declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    // unref() lets the process exit, but the timer still pins this closure until it fires
    setTimeout(() => reject(new Error('search canceled')), 100).unref();
    search(term).then(resolve, reject);
  });
}
