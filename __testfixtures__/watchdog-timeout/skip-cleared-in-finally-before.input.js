// The first await is already in a try whose finally clears the timer (a fix made earlier); the
// clear after the second one is not this site's to judge, since the timer is released by then.
export async function process(term) {
  const bomb = setTimeout(() => {
    throw new Error('search not done within 100 ms');
  }, 100);
  try {
    await search(term);
  } finally {
    clearTimeout(bomb);
  }
  await search(`${term}!`);
  clearTimeout(bomb);
  return 'answered';
}
