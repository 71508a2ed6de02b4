// Comments after statements on their lines stay where they are; the comments above the clear, a
// blank line between them or not, and the one after it, go with it into the finally.
export async function process(term) {
  const bomb = setTimeout(() => {
    throw new Error('search not done within 100 ms');
  }, 100); // a time bomb for the search

  await search(term); // the search itself

  // the search answered

  // so the bomb is defused
  clearTimeout(bomb); // not needed any more
  return 'answered';
}
