// The handler removes itself only when it rejects: when it resolves, the listener stays until the
// timer removes it, so clearing the timer there would leave it attached. Left as it is, and reported.
export function request(channel, id) {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      channel.off('reply', onReply);
      reject(new Error('reply timeout'));
    }, 100);
    const onReply = (reply) => {
      if (reply.ok) {
        resolve(reply.value);
      } else {
        channel.off('reply', onReply);
        reject(new Error(reply.error));
      }
    };
    channel.on('reply', onReply);
  });
}
