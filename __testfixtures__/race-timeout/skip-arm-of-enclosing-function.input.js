// One timer promise of the enclosing function is raced by every run of the inner one: clearing it
// when one race settles would cut the others short.
export async function releaseAll(workers) {
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('release timed out')), 100));
  return Promise.allSettled(workers.map((worker) => Promise.race([worker.release(), timeout])));
}
