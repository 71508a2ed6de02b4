// A handler set on a property is taken off when the event comes, but not when the timer fires.
export function waitActive(worker) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not activated in time')), 100);
    worker.onstatechange = (event) => {
      if (event.target.state === 'activated') {
        worker.onstatechange = null;
        clearTimeout(timer);
        resolve();
      }
    };
  });
}
