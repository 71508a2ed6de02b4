import { once } from 'node:events';

export class Connection {
  ready = Promise.race([once(this.socket, 'ready'), timeout(100)]);
}
