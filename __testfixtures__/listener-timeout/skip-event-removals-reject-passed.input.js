/** @param {import('node:events').EventEmitter} child */
export function waitExit(child) {
  let timer;
  return new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('exit timeout')), 1000);
    child.on('disconnect', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  }).finally(() => clearTimeout(timer));
}
