// The timer only marks the search as slow. A search that fails skips the clear, and the timer stays
// armed until it fires; the comment above the clear goes with it into the finally.
export async function process(term) {
  let slow = false;
  let value;
  const watchdog = setTimeout(() => {
    slow = true;
  }, 100);
  try {
    value = await search(term);
  } finally {
    // the search answered: it is not slow any more
    clearTimeout(watchdog);
  }
  return slow ? `${value} (slow)` : value;
}
