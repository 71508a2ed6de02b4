// A cancellable delay: the timer resolves it, and its `reject` is kept in a variable of the
// enclosing function for a `cancel()` that clears the timer first. Whoever calls cancel settles it:
// not judged from here, and not rewritten.
export function delayCancellable(ms: number): { delay: Promise<void>; cancel: () => void } {
  let timeout: ReturnType<typeof setTimeout>;
  let reject: (error: Error) => void;
  const delay: Promise<void> = new Promise((resolve, _reject) => {
    timeout = setTimeout(resolve, ms);
    reject = _reject;
  });
  const cancel = () => {
    clearTimeout(timeout);
    reject(new Error('Cancelled'));
  };
  return { delay, cancel };
}
