import { once } from 'node:events';

const target = new EventTarget();

export class Connection {
  ready = Promise.race([once(target, 'ready'), timeout(100)]);
}
