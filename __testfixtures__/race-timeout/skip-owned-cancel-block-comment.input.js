// A block comment over several lines sits between the race and the cancel: moved line by line
// into a finally, its lines would no longer be its own. Reported, not moved.
function watchDeadline(ms) {
  let timer;
  const promise = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('search canceled')), ms);
  });
  return { promise, disarm: () => clearTimeout(timer) };
}

export async function process(term) {
  const deadline = watchDeadline(100);
  const record = await Promise.race([search(term), deadline.promise]);
  /* the race is over:
     the deadline holds a timer */
  deadline.disarm();
  return record;
}
