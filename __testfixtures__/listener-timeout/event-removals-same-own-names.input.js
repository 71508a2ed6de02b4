// Two handlers both called `function onReady`: only the first keeps its name, as a declaration;
// two declarations of one name would be one function.
/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ready timeout')), 1000);
    emitter.on('ready', function onReady(value) {
      clearTimeout(timer);
      resolve(`first: ${value}`);
    });
    emitter.on('ready-again', function onReady(value) {
      clearTimeout(timer);
      resolve(`second: ${value}`);
    });
  });
}
