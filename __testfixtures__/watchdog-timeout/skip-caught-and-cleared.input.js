// The await sits in a try whose catch clears the timer too: every path clears it. Nothing is said.
export async function process(term) {
  const bomb = setTimeout(() => {
    throw new Error('search not done within 100 ms');
  }, 100);
  try {
    await search(term);
  } catch (error) {
    clearTimeout(bomb);
    throw error;
  }
  clearTimeout(bomb);
  return 'answered';
}
