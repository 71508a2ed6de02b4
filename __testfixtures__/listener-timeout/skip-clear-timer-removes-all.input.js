// The timer removes every 'reply' listener of the channel, other code's too: skipping that once an
// event clears the timer would change what other code receives. Left as it is, and reported.
export function request(channel, id) {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      channel.removeAllListeners('reply');
      reject(new Error('reply timeout'));
    }, 100);
    const onReply = (reply) => {
      if (reply.id === id) {
        resolve(reply.value);
        channel.off('reply', onReply);
      }
    };
    channel.on('reply', onReply);
  });
}
