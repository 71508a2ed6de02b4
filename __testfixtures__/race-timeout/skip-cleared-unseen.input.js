// The timer's clear is pushed as a disposer that the race's .finally runs: correct, in a way this
// cannot follow from the race. Not judged, rather than a second clear beside it.
export function process(term) {
  const disposables = [];
  const timeout = new Promise((_, reject) => {
    const timeoutId = setTimeout(() => reject(new Error('search canceled')), 100);
    disposables.push(() => clearTimeout(timeoutId));
  });
  return Promise.race([search(term), timeout]).finally(() => disposables.forEach((dispose) => dispose()));
}
