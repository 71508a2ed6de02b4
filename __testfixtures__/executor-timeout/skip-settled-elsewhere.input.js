// resolve is kept for another method to call: that code may clear the timer too.
export class Requests {
  constructor() {
    this.pending = new Map();
  }

  send(id, message) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('search canceled')), 100);
      this.pending.set(id, { resolve, timer });
      this.transport.write(message);
    });
  }
}
