// `resolve(JSON.parse(buffer))` may throw: a removal before it would leave the promise waiting with
// no listener, where today the next chunk settles it.
/** @param {EventEmitter} stream */
export function readJson(stream) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('read timeout')), 1000);
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      try {
        clearTimeout(timer);
        resolve(JSON.parse(buffer));
      } catch {}
    });
  });
}
