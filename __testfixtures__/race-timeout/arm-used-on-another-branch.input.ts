// The timer arm is also used on the other branch of an `if`, which never runs with the race: the
// race's timer can be cleared when the race settles.
declare function search(term: string): Promise<string>;

export async function process(term: string, hasWork = true): Promise<string | void> {
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 100));
  let wait: Promise<string | void>;
  if (hasWork) {
    wait = Promise.race([search(term), timeout]);
  } else {
    wait = timeout;
  }
  return wait;
}
