// The promise is a class field: there is no statement to declare the timer's handle before.
export class Relay {
  ready = new Promise((resolve, reject) => {
    const socket = new WebSocket(this.url);
    socket.onopen = () => resolve();
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });

  constructor(url) {
    this.url = url;
  }
}
