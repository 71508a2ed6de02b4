// `value` is declared between the timer and its clear and returned after them: a try block around
// the await would hide it. Reported, with the by-hand fix.
export async function process(term) {
  const bomb = setTimeout(() => {
    throw new Error('search not done within 100 ms');
  }, 100);
  const value = await search(term);
  clearTimeout(bomb);
  return value;
}
