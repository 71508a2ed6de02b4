declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // the timeout rejects; search settles the promise on both paths
    setTimeout(() => {
      reject(new Error('search canceled'));
    }, 100);
    search(term)
      .then((record) => resolve(record))
      .catch(reject);
  });
}
