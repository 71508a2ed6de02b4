// The timer is armed by an injected clock, not the platform's setTimeout: how it is cleared is the
// clock's business.
export function process(term, clock) {
  return new Promise((resolve, reject) => {
    clock.setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then(resolve, reject);
  });
}
