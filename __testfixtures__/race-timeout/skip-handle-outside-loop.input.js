// One handle for every race of the loop, none awaited there: each `.finally()` would read the
// handle of the last race armed, and clear only that one.
export function searchAll(works) {
  let handle;
  const races = [];
  for (const work of works) {
    races.push(Promise.race([work, new Promise((_, reject) => { handle = setTimeout(() => reject(new Error('search canceled')), 100); })]));
  }
  return Promise.all(races);
}
