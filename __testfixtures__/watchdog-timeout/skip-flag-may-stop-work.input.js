// The timer only sets a flag, but work still running may read it (a crawl that stops once it is
// set): when the health check fails first, clearing the timer would let the crawl run on. Reported.
export async function process(term) {
  let timedOut = false;
  const watchdog = setTimeout(() => {
    timedOut = true;
  }, 100);
  await Promise.all([checkHealth(), crawl(term, () => timedOut)]);
  clearTimeout(watchdog);
  return 'crawled';
}
