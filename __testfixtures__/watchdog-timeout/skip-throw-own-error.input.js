// The timer throws an error of the file's own class, whose constructor kills the child: not only a
// report. When the search fails, the kill may be what ends the child, so the clear is not moved.
class Killed extends Error {
  constructor(child) {
    super('search killed');
    child.kill();
  }
}

export async function process(term, child) {
  const bomb = setTimeout(() => {
    throw new Killed(child);
  }, 100);
  await search(term);
  clearTimeout(bomb);
  return 'answered';
}
