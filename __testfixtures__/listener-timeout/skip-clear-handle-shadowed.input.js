// The handler's parameter has the handle's name: `clearTimeout(timer)` there would clear something
// else. Left as it is, and reported.
export function waitTimer(emitter) {
  return new Promise((resolve, reject) => {
    const onTimer = (timer) => {
      resolve(timer);
    };
    emitter.once('timer', onTimer);
    const timer = setTimeout(() => {
      emitter.removeListener('timer', onTimer);
      reject(new Error('timer timeout'));
    }, 100);
  });
}
