// The clear itself is 79 characters wide: indented once more inside the finally it would pass the
// print width (80). Reported.
export async function process(term) {
  const bombForTheSearchOfTermsThatTakesLongerThanWeWouldLikeItToTakeX = setTimeout(
    () => {
      throw new Error('search not done within 100 ms');
    },
    100,
  );
  await search(term);
  clearTimeout(bombForTheSearchOfTermsThatTakesLongerThanWeWouldLikeItToTakeX);
  return 'answered';
}
