declare function search(term: string): Promise<string>;

function logged<T>(promise: Promise<T>): Promise<T> {
  return promise.then((value) => (console.log('Received:', value), value));
}

export function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return logged(Promise.race([
    search(term),
    new Promise<never>((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle)));
}
