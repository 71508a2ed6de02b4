// An async executor with a listener and a timer: not followed across its awaits.
export function nextBlock(provider, ms) {
  return new Promise(async (resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no block in time')), ms);
    await provider.ready();
    provider.once('block', (block) => {
      clearTimeout(timer);
      resolve(block);
    });
  });
}
