// Already cleared on every exit: the clear is in a finally around the awaited work.
export async function process(term) {
  const bomb = setTimeout(() => {
    throw new Error('search not done within 100 ms');
  }, 100);
  try {
    await search(term);
  } finally {
    clearTimeout(bomb);
  }
  return 'answered';
}
