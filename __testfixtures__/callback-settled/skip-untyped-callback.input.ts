// `Function` gives `(...args) => ...` no parameter types: a typed `doneOnce` cannot be declared.
declare function search(term: string, callback: (err: Error | null, record?: string) => void): void;

export function process(term: string, done: Function): void {
  setTimeout(() => done(new Error('search canceled')), 100);
  search(term, (err, record) => done(err, record));
}
