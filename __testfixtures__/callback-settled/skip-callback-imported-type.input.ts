// The callback's type comes from another module: whether it returns a value is not known here.
import type { Callback } from './callback-types';
declare function search(term: string, callback: Callback): void;

export function process(term: string, done: Callback): void {
  setTimeout(() => done(new Error('search canceled')), 100);
  search(term, done);
}
