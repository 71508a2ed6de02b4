// The channel is awaited as a thenable and closed: more than one push and one get to account for.
import { Channel } from 'async-channel';

export async function process(term) {
  const results = new Channel();
  (async () => {
    await results.push(await search(term));
  })();
  const record = await Promise.race([results, timeout(100)]);
  results.close();
  return record;
}
