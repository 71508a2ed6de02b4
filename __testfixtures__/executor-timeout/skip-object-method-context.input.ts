// An object literal's method takes its type from the object's (`Searcher`): the `new Promise`
// there is a Promise<string>, which a `.finally()` on it would hide.
declare function search(term: string): Promise<string>;

interface Searcher {
  find(term: string): Promise<string>;
}

export const searcher: Searcher = {
  find(term) {
    return new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error('search canceled')), 100);
      search(term).then(resolve, reject);
    });
  },
};
