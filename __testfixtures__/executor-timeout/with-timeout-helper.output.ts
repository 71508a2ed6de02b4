declare function search(term: string): Promise<string>;

// One helper, fixed once at its definition: every caller stops leaking.
export function withTimeout<T>(promise: Promise<T>, ms: number, message = 'search canceled'): Promise<T> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return new Promise<T>((resolve, reject) => {
    timerHandle = setTimeout(() => reject(new Error(message)), ms);
    promise.then(resolve, reject);
  }).finally(() => clearTimeout(timerHandle));
}

export function process(term: string): Promise<string> {
  return withTimeout(search(term), 100);
}
