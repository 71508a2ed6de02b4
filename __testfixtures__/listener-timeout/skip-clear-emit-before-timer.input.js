// The handler is added above the timer, and the request sent between them: a reply emitted at once
// would reach a clear of the handle before it is assigned. Left as it is, and reported.
export function request(channel, id) {
  return new Promise((resolve, reject) => {
    const onReply = (reply) => {
      if (reply.id === id) {
        resolve(reply.value);
        channel.off('reply', onReply);
      }
    };
    channel.on('reply', onReply);
    channel.send({ id });
    setTimeout(() => {
      channel.off('reply', onReply);
      reject(new Error('reply timeout'));
    }, 100);
  });
}
