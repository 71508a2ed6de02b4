// Blank lines and comments between the statements stay as they are inside the try block; the
// blank line above the clear's own comment goes with the clear, so the try's `}` closes the block.
export async function process(term) {
  const bomb = setTimeout(() => {
    throw new Error('search not done within 100 ms');
  }, 100);

  try {
    // first the search
    await search(term);

    /* then the second look */
    await search(`${term}!`);
  } finally {
    // the bomb is defused
    clearTimeout(bomb);
  }
}
