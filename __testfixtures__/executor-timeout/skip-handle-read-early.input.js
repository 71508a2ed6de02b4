// The callback reads `timer` above its declaration: `connect()` may call it at once, which throws
// today (the promise rejects with that ReferenceError). Moving the handle out would let it run.
// Its error path leaves the timer armed.
export function open(connect) {
  return new Promise((resolve, reject) => {
    connect((error, socket) => {
      if (error) return reject(error);
      clearTimeout(timer);
      resolve(socket);
    });
    const timer = setTimeout(() => reject(new Error('open timeout')), 1000);
  });
}
