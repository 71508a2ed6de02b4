// The abort listener is added and removed under `!signal.aborted`, a property that changes in
// between: after an abort the removal is skipped. Not already cleaned.
export function waitFor(signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      done();
      resolve();
    }, 100);
    const onAbort = (): void => {
      done();
      reject(new Error('aborted'));
    };
    if (!signal.aborted) signal.addEventListener('abort', onAbort);
    const done = () => {
      clearTimeout(timer);
      if (!signal.aborted) signal.removeEventListener('abort', onAbort);
    };
  });
}
