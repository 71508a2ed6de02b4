// A function declaration sits between the timer and its clear: in a try block it would become
// block-scoped, and code after the block could no longer call it.
export async function process(term) {
  const bomb = setTimeout(() => {
    throw new Error('search not done within 100 ms');
  }, 100);
  await search(term);
  function label(value) {
    return `answered: ${value}`;
  }
  clearTimeout(bomb);
  return label('some value');
}
