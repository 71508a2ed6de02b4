// `pending = null` runs right after the promise is made: a `.finally()` would clear null, and the
// timer would stay armed.
export function load(work) {
  let pending = null;
  const loading = new Promise((resolve, reject) => {
    pending = setTimeout(() => reject(new Error('load timeout')), 1000);
    work.then(resolve, reject);
  });
  pending = null;
  return loading;
}
