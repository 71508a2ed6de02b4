// clearTimeout imported from node:timers (the same function as the global): the clears use it.
import { setTimeout, clearTimeout } from 'node:timers';
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    function onReady(value) {
      emitter.off('error', onError);
      clearTimeout(timerHandle);
      resolve(value);
    }
    function onError(error) {
      emitter.off('ready', onReady);
      clearTimeout(timerHandle);
      reject(error);
    }
    emitter.once('ready', onReady);
    emitter.once('error', onError);
    const timerHandle = setTimeout(() => {
      emitter.off('ready', onReady);
      emitter.off('error', onError);
      reject(new Error('ready timeout'));
    }, 100);
  });
}
