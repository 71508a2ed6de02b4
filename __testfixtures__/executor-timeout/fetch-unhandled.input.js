export function process(term) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('search canceled')), 100);
    fetch('https://search.example/?q=' + term)
      .then((response) => response.text())
      .then(resolve)
      .catch((error) => {
        console.error(error);
        reject(error);
      });
  });
}
