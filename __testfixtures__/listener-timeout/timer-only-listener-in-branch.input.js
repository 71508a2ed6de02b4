export function waitReady(emitter, alsoConnect) {
  return new Promise((resolve, reject) => {
    emitter.once('ready', resolve);
    if (alsoConnect) emitter.once('connect', resolve);
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
}
