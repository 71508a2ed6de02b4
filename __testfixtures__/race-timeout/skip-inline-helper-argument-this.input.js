// The delay is read from `this`, and the helper's executor is a `function`: inlined there, `this`
// would be the executor's own, not the client's.
function delay(ms) {
  return new Promise(function (resolve) {
    setTimeout(resolve, ms);
  });
}

export class Client {
  constructor(timeout) {
    this.timeout = timeout;
  }

  find(term) {
    return Promise.race([search(term), delay(this.timeout).then(() => 'cached value')]);
  }
}
