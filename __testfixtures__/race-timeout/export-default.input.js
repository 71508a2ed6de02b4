// a module whose default export is the pending search, raced against a timer at load time
export default Promise.race([
  Promise.resolve('some value'),
  new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100)),
]);

export const process = async (term) => {
  for (const record = await Promise.race([search(term), new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]); ; ) {
    return record;
  }
};
