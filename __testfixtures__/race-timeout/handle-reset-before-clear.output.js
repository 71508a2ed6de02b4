// The finally sets the handle to undefined before it clears it: the clear clears nothing, and the
// timer stays armed when the work wins. Not "already cleared": a clear of its own runs first.
export async function process(term) {
  let handle;
  try {
    try {
      return await Promise.race([search(term), new Promise((_, reject) => { handle = setTimeout(() => reject(new Error('search canceled')), 100); })]);
    } finally {
      clearTimeout(handle);
    }
  } finally {
    handle = undefined;
    clearTimeout(handle);
  }
}
