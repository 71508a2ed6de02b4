// Two handlers both called `function onReady`: only the first keeps its name, as a declaration;
// two declarations of one name would be one function.
/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const removeListeners = () => {
      emitter.removeListener('ready', onReady);
      emitter.removeListener('ready-again', onReadyAgain);
    };
    const timer = setTimeout(() => {
      reject(new Error('ready timeout'));
      removeListeners();
    }, 1000);
    function onReady(value) {
      clearTimeout(timer);
      removeListeners();
      resolve(`first: ${value}`);
    }
    emitter.on('ready', onReady);
    const onReadyAgain = function onReady(value) {
      clearTimeout(timer);
      removeListeners();
      resolve(`second: ${value}`);
    };
    emitter.on('ready-again', onReadyAgain);
  });
}
