export function process(term, done) {
  setTimeout(() => done(new Error('search canceled')), 100);
  pending.push({ term, done });
}
