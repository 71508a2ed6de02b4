declare function search(term: string): Promise<string>;
declare function report(pending: Promise<string>): Promise<string>;

export function process(term: string): Promise<string> {
  // the promise's type comes from report()'s parameter, which a .finally() call would hide
  return report(
    new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error('search canceled')), 100);
      search(term).then(resolve, reject);
    }),
  );
}
