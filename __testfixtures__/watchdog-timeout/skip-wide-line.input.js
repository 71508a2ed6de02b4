// A line between is 79 characters wide, within the print width (80): indented once more inside the
// try block it would pass it. Reported, so that the diff stays as a formatter would leave it.
export async function process(term) {
  const bomb = setTimeout(() => {
    throw new Error('search not done within 100 ms');
  }, 100);
  await search(`${term} and a long suffix to make the line as wide as it is!`);
  clearTimeout(bomb);
  return 'answered';
}
