// The helper is used twice, so it is made cancellable at its definition. With the signal its
// signature no longer fits the print width (80): the parameters go one per line, as Prettier breaks
// a signature (with a trailing comma, Prettier's default, as the file says nothing else).
declare function search(term: string): Promise<string>;

function timeoutAfter(
  milliseconds: number,
  message: string,
  signal?: AbortSignal,
): Promise<never> {
  return new Promise((_, reject) => {
    const onAbort = () => clearTimeout(timer);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      reject(new Error(message));
    }, milliseconds);
    signal?.addEventListener('abort', onAbort);
  });
}

export async function process(term: string): Promise<string> {
  const timerController = new AbortController();
  try {
    return await Promise.race([
      search(term),
      timeoutAfter(100, `search of ${term} canceled`, timerController.signal),
    ]);
  } finally {
    timerController.abort();
  }
}

export async function processAgain(term: string): Promise<string> {
  const timerController = new AbortController();
  try {
    return await Promise.race([search(term), timeoutAfter(100, 'canceled', timerController.signal)]);
  } finally {
    timerController.abort();
  }
}
