// The handler settles, then calls `audit(value).then(…)` before it clears the timer: `audit` runs at
// once, and a text value has no owner to save, so it throws there, past the clear. Not already
// cleaned: the timer is cleared first in the handler.
function audit(value) {
  return value.owner.save();
}

/** @param {import('node:events').EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.removeListener('ready', onReady);
      reject(new Error('ready timeout'));
    }, 100);
    function onReady(value) {
      resolve(value);
      audit(value).then(() => {});
      clearTimeout(timer);
    }
    emitter.once('ready', onReady);
  });
}
