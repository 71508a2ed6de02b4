export function process(term) {
  const signal = AbortSignal.timeout(100);
  return Promise.race([
    search(term),
    new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
  ]);
}
