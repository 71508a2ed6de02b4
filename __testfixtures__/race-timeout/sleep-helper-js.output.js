function sleep(ms) {
  return new Promise((resolve) => setTimeout(() => resolve(), ms));
}

export function process(term) {
  let timerHandle;
  return Promise.race([
    search(term),
    new Promise((resolve) => {
      timerHandle = setTimeout(() => resolve(), 100);
    }).then(() => Promise.reject(new Error('search canceled'))),
  ]).finally(() => clearTimeout(timerHandle));
}
