// A callback API settles the promise: searchCallback(term, (error, record) => ...).
export function process(term) {
  let timerHandle;
  return new Promise(function (resolve, reject) {
    timerHandle = setTimeout(reject, 100, new Error('search canceled'));
    searchCallback(term, (error, record) => {
      if (error) reject(error);
      else resolve(record);
    });
  }).finally(() => clearTimeout(timerHandle));
}
