// The helper is inlined, but its import stays: `typeof delay` still names it in a type.
import { delay } from './helpers/delay';

declare function search(term: string): Promise<string>;

export type Sleep = typeof delay;

export async function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return Promise.race([
    search(term),
    new Promise<void>((resolve) => {
      timerHandle = setTimeout(resolve, 100);
    }).then((): never => {
      throw new Error('search canceled');
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
