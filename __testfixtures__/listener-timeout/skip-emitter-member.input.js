export class Client {
  waitReady() {
    return new Promise((resolve, reject) => {
      this.socket.once('ready', resolve);
      setTimeout(() => reject(new Error('ready timeout')), 100);
    });
  }
}
