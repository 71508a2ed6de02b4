// `.catch((e) => Promise.reject(e))` hands every rejection on: the clear after the await runs on
// fulfilment only, so a failing search leaves the timer armed.
export async function process(term) {
  let timer;
  const record = await Promise.race([
    search(term),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ])
    .finally(() => clearTimeout(timer))
    .catch((error) => Promise.reject(error));
  return record;
}
