// The executor stops the repeater after its push: the push is not its last action.
import { Repeater } from '@repeaterjs/repeater';

declare function search(term: string): Promise<string>;
declare function timeout(ms: number): Promise<never>;

export async function process(term: string): Promise<string> {
  const records = new Repeater<string>(async (push, stop) => {
    await push(await search(term));
    stop();
  });
  const { value } = await Promise.race([records.next(), timeout(100)]);
  return value;
}
