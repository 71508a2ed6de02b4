// The answer's lookup counts strays in an else: deleted by the timer, a late answer would count as
// a stray where today it finds the entry.
const pending = new Map();
let strays = 0;

export function answer(term, record) {
  const callback = pending.get(term);
  if (callback) callback(record);
  else strays += 1;
}

export function process(term) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    const callback = (record) => {
      clearTimeout(timer);
      resolve(record);
      pending.delete(term);
    };
    pending.set(term, callback);
  });
}
