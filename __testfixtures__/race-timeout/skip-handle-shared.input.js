let timer;

export function process(term) {
  return Promise.race([
    search(term),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]);
}

export function cancel() {
  clearTimeout(timer);
}
