// `clearTimeout` in this file is not the global. Left as it is, and reported.
import { clearTimeout } from './scheduler';

export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    const onReady = (value) => {
      resolve(value);
    };
    emitter.once('ready', onReady);
    setTimeout(() => {
      emitter.removeListener('ready', onReady);
      reject(new Error('ready timeout'));
    }, 100);
  });
}
