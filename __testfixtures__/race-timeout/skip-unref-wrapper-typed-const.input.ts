// The pass-through's own arrow has no types, but its const does: TypeScript types its result as
// `unknown`, which a handle typed as setTimeout's result cannot hold.
declare function search(term: string): Promise<string>;

const safeUnref: (timer: any) => unknown = (timer) => {
  timer.unref?.();
  return timer;
};

export async function process(term: string): Promise<string> {
  return Promise.race([
    search(term),
    new Promise<never>((_, reject) => safeUnref(setTimeout(() => reject(new Error('search canceled')), 100))),
  ]);
}
