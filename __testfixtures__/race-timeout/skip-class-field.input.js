export class Searcher {
  pending = Promise.race([search('term'), new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
}
