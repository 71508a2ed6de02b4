// The signal is the caller's, or an AbortSignal.timeout() when none is given: the arm listening to it
// is still a timeout that cannot be cleared.
export function process(term, options = {}) {
  const signal = options.signal ?? AbortSignal.timeout(100);
  return Promise.race([
    search(term),
    new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
  ]);
}
