// A promise class of the code's own races a node:timers/promises sleep: its fix would hand the sleep
// a signal and abort it in .finally(), which this class may lack. Refused.
import { setTimeout as sleep } from 'node:timers/promises';

export class Client {
  process(term) {
    return this._Promise.race([search(term), sleep(100).then(() => {
      throw new Error('search canceled');
    })]);
  }
}
