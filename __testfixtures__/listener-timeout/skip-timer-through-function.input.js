// The timer rejects through rejectOnce(), which clears it but removes no listener: not followed.
export function started(child, ms) {
  let captured = false;
  let timer;
  return new Promise((resolve, reject) => {
    timer = setTimeout(() => {
      rejectOnce(new Error('did not start in time'));
    }, ms);
    const rejectOnce = (error) => {
      if (!captured) {
        captured = true;
        clearTimeout(timer);
        reject(error);
      }
    };
    const onData = (chunk) => {
      if (String(chunk).includes('listening')) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.on('exit', (code) => rejectOnce(new Error(`exited with ${code}`)));
  });
}
