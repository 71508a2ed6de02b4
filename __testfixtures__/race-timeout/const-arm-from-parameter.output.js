// A work arm held in a const whose initialiser calls a parameter and a function-local name.
export async function process(term, lookup = search) {
  const normalise = (text) => text.trim();
  const work = lookup(normalise(term));
  let timerHandle;
  return Promise.race([
    work,
    new Promise((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
