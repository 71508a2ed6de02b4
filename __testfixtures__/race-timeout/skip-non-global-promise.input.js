export class Client {
  process(term) {
    return this._Promise.race([search(term), new this._Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
  }
}
