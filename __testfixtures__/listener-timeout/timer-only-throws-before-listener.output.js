// `prepare()` may throw after the timer is armed: a handler named below it would be uninitialised
// when the timer's cleanup runs (a ReferenceError in a timer callback).
export function waitReady(emitter, prepare) {
  let timerHandle;
  return new Promise((resolve, reject) => {
    timerHandle = setTimeout(() => reject(new Error('ready timeout')), 100);
    prepare();
    emitter.on('ready', (value) => resolve(value));
  }).finally(() => clearTimeout(timerHandle));
}
