// A promise class of the code's own (`this._Promise`), which may lack .finally(): the timer is
// cleared in both handlers of .then(), which every Promises/A+ implementation has. This one has no
// .finally() at all, so a fix that wrote one would throw.
class PlainPromise extends Promise {}
PlainPromise.prototype.finally = undefined;

class Client {
  constructor(PromiseClass) {
    this._Promise = PromiseClass;
  }

  process(term) {
    return this._Promise.race([search(term), new this._Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
  }
}

const client = new Client(PlainPromise);

export function process(term) {
  return client.process(term);
}
