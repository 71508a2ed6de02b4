declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return new Promise<string>((resolve, reject) => {
    // unref() lets the process exit, but the timer still pins this closure until it fires
    timerHandle = setTimeout(() => reject(new Error('search canceled')), 100).unref();
    search(term).then(resolve, reject);
  }).finally(() => clearTimeout(timerHandle));
}
