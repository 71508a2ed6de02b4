// An `onX(handler)` subscription returns what would end it, and nothing keeps it: the listener
// stays after the event and after the timeout.
export function process(term, client) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    client.onDidChangeState((event) => {
      if (event.ready) {
        clearTimeout(timer);
        resolve(event.value);
      }
    });
    client.search(term);
  });
}
