// The pass-through's arrow is cast to a type whose result is `unknown`: TypeScript types its result
// by the cast, which a handle typed as setTimeout's result cannot hold.
declare function search(term: string): Promise<string>;

const safeUnref = ((timer: ReturnType<typeof setTimeout>) => {
  (timer as unknown as { unref?: () => void }).unref?.();
  return timer;
}) as (timer: ReturnType<typeof setTimeout>) => unknown;

export async function process(term: string): Promise<string> {
  return Promise.race([
    search(term),
    new Promise<never>((_, reject) => safeUnref(setTimeout(() => reject(new Error('search canceled')), 100))),
  ]);
}
