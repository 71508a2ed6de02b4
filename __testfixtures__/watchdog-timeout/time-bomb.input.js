// A test's time bomb: it throws if the search has not answered within 100 ms. It is cleared on the
// line after the awaited search, so a search that fails leaves the bomb armed, to throw about work
// that is long over. The clear moves into a finally.
export async function process(term) {
  const bomb = setTimeout(() => {
    throw new Error('search not done within 100 ms');
  }, 100);

  await search(term);
  clearTimeout(bomb);

  return 'answered';
}
