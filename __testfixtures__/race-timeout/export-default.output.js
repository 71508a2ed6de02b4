// a module whose default export is the pending search, raced against a timer at load time
let timerHandle;
export default Promise.race([
  Promise.resolve('some value'),
  new Promise((_, reject) => {
    timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
  }),
]).finally(() => clearTimeout(timerHandle));

export const process = async (term) => {
  let timerHandle2;
  for (const record = await Promise.race([
    search(term),
    new Promise((_, reject) => {
      timerHandle2 = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle2)); ; ) {
    return record;
  }
};
