// One handler for two events: it cannot tell which of them came, so which listener is still
// attached when it settles is not followed here. Left as it is, and reported.
export function waitDone(stream) {
  return new Promise((resolve, reject) => {
    const onDone = () => {
      stream.removeListener('end', onDone);
      stream.removeListener('close', onDone);
      resolve();
    };
    stream.once('end', onDone);
    stream.once('close', onDone);
    setTimeout(() => {
      stream.removeListener('end', onDone);
      stream.removeListener('close', onDone);
      reject(new Error('done timeout'));
    }, 100);
  });
}
