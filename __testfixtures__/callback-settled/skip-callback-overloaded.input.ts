// The callback's type has two call signatures, which one `(...args) => …` guard does not satisfy.
interface Callback {
  (err: Error): void;
  (err: null, record: string): void;
}
declare function search(term: string, callback: (err: Error | null, record?: string) => void): void;

export function process(term: string, done: Callback): void {
  setTimeout(() => done(new Error('search canceled')), 100);
  search(term, (err, record) => (err ? done(err) : done(null, record!)));
}
