// The handler is added above the timer, whose delay is a call: it could emit before the handle is
// assigned. Left as it is, and reported.
export function request(channel, id) {
  return new Promise((resolve, reject) => {
    const onReply = (reply) => {
      if (reply.id === id) {
        resolve(reply.value);
        channel.off('reply', onReply);
      }
    };
    channel.on('reply', onReply);
    setTimeout(() => {
      channel.off('reply', onReply);
      reject(new Error('reply timeout'));
    }, channel.timeoutFor(id));
  });
}
