// The handler's expression body is in parentheses: they go when it becomes a block.
/** @param {EventEmitter} emitter */
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('ready timeout')), 100);
    emitter.on('ready', (value) => (resolve(value)));
  });
}
