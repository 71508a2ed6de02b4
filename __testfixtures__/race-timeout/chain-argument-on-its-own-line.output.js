// A formatter broke the `.then` argument onto a line of its own to fit it beside the long race.
// With `.finally(…)` the chain is laid out one call a line, and the argument joins its call again,
// as Prettier joins it.
export async function process(term) {
  let timerHandle;
  return await Promise.race([
    search(term),
    new Promise((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ])
    .finally(() => clearTimeout(timerHandle))
    .then((record) => record);
}
