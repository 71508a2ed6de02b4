// `return logger.warn(…)` ends the callback: the reject after it never runs, so this timer does not
// log and then settle; it only logs. Reported as a callback that does more than settle.
export function process(term) {
  return Promise.race([
    search(term),
    new Promise((_, reject) =>
      setTimeout(() => {
        return logger.warn('search timed out');
        reject(new Error('search canceled'));
      }, 100),
    ),
  ]);
}
