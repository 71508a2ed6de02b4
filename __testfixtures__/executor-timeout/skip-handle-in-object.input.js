// The handle is kept on a field of an object literal: other code may clear it, or not.
export function process(term, pending) {
  return new Promise((resolve, reject) => {
    pending.set(term, { timer: setTimeout(() => reject(new Error('search canceled')), 100) });
    search(term).then(resolve, reject);
  });
}
