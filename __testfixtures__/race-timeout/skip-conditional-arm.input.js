// A timer on one branch only: called a conditional arm, not a helper.
export function process(term, patient) {
  return Promise.race([
    search(term),
    patient ? new Promise(() => {}) : new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100)),
  ]);
}
