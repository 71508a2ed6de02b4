// The helper tells its callers apart by `arguments.length`: one more argument, the race's signal,
// would change what it gives back. Reported, not rewritten.
function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(arguments.length === 1 ? 'no-signal' : 'signal'), ms);
    signal?.addEventListener('abort', () => clearTimeout(timer));
  });
}

export function process(term) {
  return Promise.race([search(term), sleep(100)]);
}
