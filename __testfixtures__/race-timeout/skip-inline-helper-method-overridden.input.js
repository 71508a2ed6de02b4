// `this.delay()` of a class that is extended: a subclass's own delay would run, not the base
// class's body the race would get.
class Client {
  delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  async run(work) {
    return Promise.race([work, this.delay(100).then(() => 'timeout')]);
  }
}

export class FastClient extends Client {
  delay(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms / 10));
  }
}
