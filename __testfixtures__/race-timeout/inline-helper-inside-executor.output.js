// A sleep helper raced inside an executor that has its own `resolve`: the inlined timer promise
// names its parameter `resolve` too, which captures nothing of the outer one.
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function process(term) {
  return new Promise((resolve, reject) => {
    let timerHandle;
    Promise.race([
      search(term),
      new Promise((resolve) => {
        timerHandle = setTimeout(resolve, 100);
      }).then(() => 'cached value'),
    ])
      .finally(() => clearTimeout(timerHandle))
      .then(resolve, reject);
  });
}
