// The delay can be cancelled from outside: its reject is kept for cancel(), which the caller runs
// when the work wins. Correct code, not a timer arm this transform takes apart.
export function process(term) {
  let cancel;
  const delay = new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, 100);
    cancel = () => {
      clearTimeout(timer);
      reject(new Error('cancelled'));
    };
  });
  const work = search(term).finally(() => cancel());
  return Promise.race([work, delay.then(() => Promise.reject(new Error('search canceled')))]);
}
