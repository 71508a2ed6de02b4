// A block comment over several lines between the timer and its clear would be re-indented inside
// the try block, which changes its text: reported, not changed.
export async function process(term) {
  const bomb = setTimeout(() => {
    throw new Error('search not done within 100 ms');
  }, 100);
  /*
   the search, which may fail
  */
  await search(term);
  clearTimeout(bomb);
  return 'answered';
}
