// The fulfilment handler clears the timer only for a cached answer (`v && v.cached && …`): any
// other answer leaves it armed. Not "already cleared": the promise clears it when it settles.
export function process(term) {
  let timer;
  return new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then(
      (record) => {
        record && record.cached && clearTimeout(timer);
        resolve(record);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  }).finally(() => clearTimeout(timer));
}
