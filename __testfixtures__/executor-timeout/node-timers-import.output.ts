import { setTimeout } from 'node:timers';

declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return new Promise<string>((resolve, reject) => {
    timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then(resolve, reject);
  }).finally(() => clearTimeout(timerHandle));
}
