function sleep(ms) {
  return new Promise((resolve) => setTimeout(() => resolve(), ms));
}

export function process(term) {
  return Promise.race([search(term), sleep(100).then(() => Promise.reject(new Error('search canceled')))]);
}
