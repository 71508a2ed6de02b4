// The 'error' listener left attached swallows a late error; removed, the emitter would throw it.
/** @param {import('node:child_process').ChildProcess} child */
export function waitExit(child) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('exit timeout')), 1000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
