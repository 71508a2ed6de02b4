export function waitReady(emitter, alsoConnect) {
  let timerHandle;
  return new Promise((resolve, reject) => {
    emitter.once('ready', resolve);
    if (alsoConnect) emitter.once('connect', resolve);
    timerHandle = setTimeout(() => reject(new Error('ready timeout')), 100);
  }).finally(() => clearTimeout(timerHandle));
}
