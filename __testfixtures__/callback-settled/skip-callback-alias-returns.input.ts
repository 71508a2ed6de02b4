// The callback's type, an alias of this file, returns a value that a dropped call cannot give.
type Callback = (err: Error | null, record?: string) => boolean;
declare function search(term: string, callback: Callback): void;

export function process(term: string, done: Callback): void {
  setTimeout(() => done(new Error('search canceled')), 100);
  search(term, done);
}
