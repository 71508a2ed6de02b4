// One handle for the promises of every run of the loop, none awaited there: each `.finally()`
// would clear the handle of the last promise made, whose timer then never fires.
export function searchAll(terms) {
  let timer;
  const pending = [];
  for (const term of terms) {
    pending.push(new Promise((resolve, reject) => {
      timer = setTimeout(() => reject(new Error('search canceled')), 100);
      search(term).then(resolve, reject);
    }));
  }
  return Promise.allSettled(pending);
}
