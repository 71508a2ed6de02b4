// `safeUnref` only unrefs the handle and gives it back, but its result is typed `unknown`: kept in a
// handle typed as setTimeout's result, it would not type-check.
declare function search(term: string): Promise<string>;

function safeUnref(timer: unknown): unknown {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}

export async function process(term: string): Promise<string> {
  return Promise.race([
    search(term),
    new Promise<never>((_, reject) => safeUnref(setTimeout(() => reject(new Error('search canceled')), 100))),
  ]);
}
