// `ERROR` is 'error': left attached, this listener swallows a late 'error' event, which removed
// would throw.
const ERROR = 'error';

/** @param {EventEmitter} emitter */
export function waitFailure(emitter) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve('no error'), 1000);
    emitter.on(ERROR, (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
