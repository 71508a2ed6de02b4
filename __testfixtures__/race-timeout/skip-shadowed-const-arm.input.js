export async function process(term) {
  const timeout = sleepFor(100);
  if (term) {
    // a different `timeout`, never raced: its timer must keep firing
    const timeout = new Promise((resolve) => setTimeout(() => resolve('stale'), 100));
    void timeout;
  }
  return Promise.race([search(term), timeout]);
}
