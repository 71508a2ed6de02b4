// Another caller of the helper, with no race: it passes no signal and is left as it is.
import { delay } from './common/delay';

export async function pause(): Promise<void> {
  await delay(10);
}
