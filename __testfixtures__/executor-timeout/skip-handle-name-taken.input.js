export function process(term, timer) {
  console.log('previous timer', timer);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then((record) => {
      clearTimeout(timer);
      resolve(record);
    }, reject);
  });
}
