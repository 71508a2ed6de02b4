// `answer` is declared between the timer and its clear, and read by a function defined above them:
// inside a try block, that function could not see it.
export async function process(term) {
  const describe = () => `answered: ${answer}`;
  const bomb = setTimeout(() => {
    throw new Error('search not done within 100 ms');
  }, 100);
  let answer;
  answer = await search(term);
  clearTimeout(bomb);
  return describe();
}
