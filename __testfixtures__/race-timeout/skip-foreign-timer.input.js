// The timer is armed by an injected clock, not the platform's setTimeout: how it is cleared (and
// whether a handle is even returned) is the clock's business.
export function process(term, clock) {
  return Promise.race([
    search(term),
    new Promise((_, reject) => clock.setTimeout(() => reject(new Error('search canceled')), 100)),
  ]);
}
