// A JavaScript file that writes no `?.`: the caller's signal may be undefined, and reading it again
// would need `signal?.reason`, which the project may not accept, so nothing is written.
function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (signal) signal.addEventListener('abort', () => clearTimeout(timer));
  });
}

export function process(term, signal) {
  const found = search(term);
  return Promise.race([found, sleep(100, signal)]);
}
