// `Promise` imported by that name from a module of the code's own is a promise class too, which
// may lack `.finally()`: the race is reported, not rewritten without knowing it.
import { Promise } from './deps/runtime';

export function withDeadline(work, ms) {
  return Promise.race([work, new Promise((_, reject) => setTimeout(() => reject(new Error('deadline')), ms))]);
}
