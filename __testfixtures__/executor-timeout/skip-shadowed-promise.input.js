import Promise from 'bluebird';

export function process(term) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then(resolve, reject);
  });
}
