// A sleep helper imported from another file of the repository, raced against the search: the
// helper's timer is inlined with a handle, and the import it no longer needs goes.

declare function search(term: string): Promise<string>;

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
