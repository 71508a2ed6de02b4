export class Searcher {
  process(term) {
    return new Promise((resolve, reject) => {
      this.timer = setTimeout(() => reject(new Error('search canceled')), 100);
      search(term).then(resolve, reject);
    });
  }
}
