const delay = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));

export function process(term) {
  return Promise.race([search(term), delay(100, 'fallback')]);
}
