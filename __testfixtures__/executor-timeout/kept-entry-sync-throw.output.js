// The kept callback is also handed to `search`, which could throw synchronously after the timer is
// armed: the entry is deleted when the timer fires all the same, and the sync throw is said beside it.
const pending = new Map();

export function pendingCount() {
  return pending.size;
}

function searchWithCallback(term, callback) {
  search(term).then(callback, () => undefined);
}

export function process(term) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (pending.get(term) === callback) {
        pending.delete(term);
      }
      resolve('cached value');
    }, 100);
    const callback = (record) => {
      clearTimeout(timer);
      resolve(record);
      pending.delete(term);
    };
    pending.set(term, callback);
    searchWithCallback(term, callback);
  });
}
