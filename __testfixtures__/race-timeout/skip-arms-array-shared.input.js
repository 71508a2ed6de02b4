// The array of arms is used for more than the race (an arm is added to it after): it is shared, and
// clearing its timer when this race settles could cut short the other use.
export function process(term, extra) {
  const arms = [search(term), new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))];
  if (extra) arms.push(extra);
  return Promise.race(arms);
}
