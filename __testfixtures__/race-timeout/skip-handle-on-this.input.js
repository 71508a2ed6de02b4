export class Searcher {
  process(term) {
    return Promise.race([
      search(term),
      new Promise((_, reject) => {
        this.timer = setTimeout(() => reject(new Error('search canceled')), 100);
      }),
    ]);
  }
}
