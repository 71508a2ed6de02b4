// The abort listener is added only when there is a signal, and removed under the same test on every
// path: already cleaned.
export function waitFor(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      done();
      reject(new Error('wait timeout'));
    }, 100);
    const onAbort = (): void => {
      done();
      reject(new Error('aborted'));
    };
    if (signal) signal.addEventListener('abort', onAbort);
    const done = () => {
      clearTimeout(timer);
      if (signal) signal.removeEventListener('abort', onAbort);
    };
  });
}
