declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return new Promise<string>((resolve, reject) => {
    // the timeout rejects; search settles the promise on both paths
    timerHandle = setTimeout(() => {
      reject(new Error('search canceled'));
    }, 100);
    search(term)
      .then((record) => resolve(record))
      .catch(reject);
  }).finally(() => clearTimeout(timerHandle));
}
