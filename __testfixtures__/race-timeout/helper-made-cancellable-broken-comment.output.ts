// The helper's parameters stand one per line, the last with a comment after it: the signal takes a
// line of its own below, and the comment stays with the parameter it describes.
declare function search(term: string): Promise<string>;

function timeoutAfter(
  milliseconds: number,
  message: string, // shown to the user
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
    return await Promise.race([search(term), timeoutAfter(100, `${term}?`, timerController.signal)]);
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
