// `prepare.run?.()` after the timer may throw: the executor then rejects with that error and the
// timer stays armed past every settle point. Not already cleared: reported as such.
export function waitFor(subscribe, prepare) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), 1000);
    prepare.run?.();
    subscribe.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
