// CRLF line endings: every line the fix writes ends in CRLF too.
export async function process(term) {
  let timerHandle;
  try {
    await Promise.race([
      search(term),
      new Promise((_, reject) => {
        timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
      }),
    ]);
  } finally {
    clearTimeout(timerHandle);
  }
  return 'done';
}
