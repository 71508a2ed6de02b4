import { setTimeout } from './fake-clock.js';

export function process(term, done) {
  setTimeout(() => done(new Error('search canceled')), 100);
  search(term, (err, record) => done(err, record));
}
