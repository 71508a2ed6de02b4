// A callback API settles the promise: searchCallback(term, (error, record) => ...).
export function process(term) {
  return new Promise(function (resolve, reject) {
    setTimeout(reject, 100, new Error('search canceled'));
    searchCallback(term, (error, record) => {
      if (error) reject(error);
      else resolve(record);
    });
  });
}
