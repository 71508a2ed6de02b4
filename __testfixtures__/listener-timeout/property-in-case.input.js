// The promise is awaited directly in a `case`: the timer's handle is a `let` declared before the
// switch (a `let` in the case would be shared by every case: no-case-declarations).
export async function connect(url, kind = 'open') {
  let socket;
  switch (kind) {
    case 'open':
      socket = await new Promise((resolve, reject) => {
        const opening = new WebSocket(url);
        opening.onopen = () => resolve(opening);
        opening.onerror = reject;
        setTimeout(() => reject(new Error('ready timeout')), 100);
      });
      break;
    default:
      break;
  }
  return socket;
}
