export function process(term) {
  let timerHandle;
  return new Promise((resolve, reject) => {
    timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    fetch('https://search.example/?q=' + term)
      .then((response) => response.text())
      .then(resolve)
      .catch((error) => {
        console.error(error);
        reject(error);
      });
  }).finally(() => clearTimeout(timerHandle));
}
