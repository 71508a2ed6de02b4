// A finally before the clear clears the timer only under a condition: it may not run, so the awaits
// after it are still this site's, and the try block takes them in, the earlier try included.
export async function process(term, early) {
  const bomb = setTimeout(() => {
    throw new Error('search not done within 100 ms');
  }, 100);
  try {
    try {
      await search(term);
    } finally {
      if (early) clearTimeout(bomb);
    }
    await search(`${term}!`);
  } finally {
    clearTimeout(bomb);
  }
  return 'answered';
}
