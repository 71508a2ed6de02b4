// The helper chooses between a timer and a promise that never settles at each call: inlining it would
// copy that choice into the race, a diff nobody would merge. The helper itself is made cancellable
// (an optional last `signal`), and the race passes one that it aborts when it settles.
declare function search(term: string): Promise<string>;

const delay = (duration: number) =>
  isFinite(duration) ? new Promise<void>((resolve) => setTimeout(resolve, duration)) : new Promise<void>(() => undefined);

const SEARCH_TIMEOUT = 100;

export function process(term: string): Promise<string | void> {
  return Promise.race([search(term), delay(SEARCH_TIMEOUT)]);
}
