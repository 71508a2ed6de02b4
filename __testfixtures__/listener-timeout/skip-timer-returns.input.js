// The timer's callback returns what reject() returns: a `cleanup();` appended after the `return`
// would never run, so the listener would stay attached. Reported, not rewritten.
export function waitReady(emitter) {
  return new Promise((resolve, reject) => {
    emitter.once('ready', resolve);
    setTimeout(() => {
      return reject(new Error('ready timeout'));
    }, 100);
  });
}
