// The handle is cast: a `let` moved out of the executor would be typed as setTimeout's handle, and
// the cast would no longer type-check against it.
export function load(work: Promise<string>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('load timeout')), 1000) as unknown as number;
    work.then((value) => {
      clearTimeout(timer);
      resolve(value);
    }, reject);
  });
}
