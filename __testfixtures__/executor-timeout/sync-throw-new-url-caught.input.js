// Every settle clears the timer, but `new URL(path, base)` after it throws on a bad input and rejects
// the promise past them, with the timer armed. `console.log` beside it does not throw: the warning
// names the URL.
export function request(client, path, base) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('request timeout')), 1000);
    console.log('requesting', path);
    const url = new URL(path, base);
    client.get(url, (error, body) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(body);
    });
  });
}
