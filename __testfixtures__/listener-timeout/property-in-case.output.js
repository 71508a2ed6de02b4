// The promise is awaited directly in a `case`: the timer's handle is a `let` declared before the
// switch (a `let` in the case would be shared by every case: no-case-declarations).
export async function connect(url, kind = 'open') {
  let socket;
  let timerHandle;
  switch (kind) {
    case 'open':
      socket = await new Promise((resolve, reject) => {
        const opening = new WebSocket(url);
        opening.onopen = () => resolve(opening);
        opening.onerror = reject;
        timerHandle = setTimeout(() => {
          reject(new Error('ready timeout'));
          opening.onopen = null;
          opening.onerror = null;
        }, 100);
      }).finally(() => clearTimeout(timerHandle));
      break;
    default:
      break;
  }
  return socket;
}
