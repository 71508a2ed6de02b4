// The timer arm is held in a const before the race, and a clear after the awaited race runs on
// fulfilment only: the const gets the handle, the statement its try/finally, and that clear goes.
export async function process(term) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('search canceled')), 100);
  });
  try {
    await Promise.race([search(term), timeout]);
  } finally {
    clearTimeout(timer);
  }
  return 'done';
}
