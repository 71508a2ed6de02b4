// Between the settle and the clear, a call whose value is chained: `audit(record).then(…)` still runs
// `audit` at once, and a text record has no owner to save, so it throws there, past the clear below
// it. That path leaves the timer armed: not already cleared. The clear goes to .finally().
function audit(record) {
  return record.owner.save();
}

export function process(term) {
  let timer;
  return new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('search canceled')), 100);
    search(term)
      .then(
        (record) => {
          resolve(record);
          audit(record).then(() => {});
          clearTimeout(timer);
        },
        (error) => {
          clearTimeout(timer);
          reject(error);
        },
      )
      .catch(() => {});
  }).finally(() => clearTimeout(timer));
}
