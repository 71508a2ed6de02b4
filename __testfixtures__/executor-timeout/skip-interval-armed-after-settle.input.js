// The success handler starts a keep-alive interval of the connection it hands out: that interval is
// not beside the timer, it belongs to what the promise resolves to. The timer is cleared on both paths.
export function process(term, ping) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then(
      (record) => {
        clearTimeout(timer);
        const keepAlive = setInterval(ping, 1000);
        resolve({ record, keepAlive });
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
