// Besides the event, a ping settles the promise after the timer is armed, without clearing it: the
// timer would still be left armed there. Left as it is, and reported.
export function waitReady(client) {
  return new Promise((resolve, reject) => {
    const onReady = () => {
      resolve();
    };
    client.once('ready', onReady);
    setTimeout(() => {
      client.removeListener('ready', onReady);
      reject(new Error('ready timeout'));
    }, 100);
    client.ping().catch(reject);
  });
}
