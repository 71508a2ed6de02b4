// An abortable delay: the timer removes the abort listener through an optional call
// (`signal?.removeEventListener`), and the listener clears the timer: clean on every path.
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal) {
      signal.throwIfAborted();
      signal.addEventListener('abort', abortHandler, { once: true });
    }

    function abortHandler() {
      clearTimeout(timeoutId);
      reject(signal!.reason as Error);
    }

    const timeoutId = setTimeout(() => {
      signal?.removeEventListener('abort', abortHandler);
      resolve();
    }, ms);
  });
}
