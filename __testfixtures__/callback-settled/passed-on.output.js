// The callback is handed straight to the producer.
export function process(term, callback) {
  let settled = false;
  let timerHandle;

  const callbackOnce = (...args) => {
    if (!settled) {
      settled = true;
      clearTimeout(timerHandle);
      return callback(...args);
    }
  };

  timerHandle = setTimeout(function () {
    callbackOnce(new Error('search canceled'));
  }, 100);
  search(term, callbackOnce);
}
