// The timer rejects with an error that @hapi/boom builds, beside the work: `Boom.gatewayTimeout(…)`
// only makes an error object, so clearing the timer once the promise settles skips nothing but that.
import * as Boom from '@hapi/boom';

declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return new Promise<string>((resolve, reject) => {
    timerHandle = setTimeout(
      () => reject(Boom.gatewayTimeout('search canceled')),
      100,
    );
    search(term).then(resolve, reject);
  }).finally(() => clearTimeout(timerHandle));
}
