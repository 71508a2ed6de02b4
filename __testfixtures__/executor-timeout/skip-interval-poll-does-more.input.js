// The poll caches what it finds before it settles: cleared once the timer has settled, it would no
// longer fill the cache when the late answer comes.
export function process(term, status, cache) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    const poll = setInterval(() => {
      if (!status.done) return;
      clearInterval(poll);
      clearTimeout(timer);
      cache.set(term, status.value);
      resolve(status.value);
    }, 5);
  });
}
