// The fulfilment handler clears the timer only for a cached answer (`v && v.cached && …`): any
// other answer leaves it armed. Not "already cleared": the promise clears it when it settles.
export function process(term) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
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
  });
}
