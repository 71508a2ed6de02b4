// A comment after the helper's last parameter stays with it: the signal goes after the comment.
declare function search(term: string): Promise<string>;

function timeoutAfter(milliseconds: number, message: string /* shown */, signal?: AbortSignal): Promise<never> {
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
