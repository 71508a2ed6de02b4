const timeout = (promise, ms) => {
  let timerHandle;
  return new Promise((resolve, reject) => {
    timerHandle = setTimeout(() => reject(new Error('search canceled')), ms);
    promise.then(resolve, reject);
  }).finally(() => clearTimeout(timerHandle));
};

export function process(term) {
  return timeout(search(term), 100);
}
