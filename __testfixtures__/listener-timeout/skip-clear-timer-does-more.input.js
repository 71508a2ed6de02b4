// The timer also logs: once an event clears it, the log line would no longer be written. Left as it
// is, and reported.
export function request(channel, id) {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      channel.off('reply', onReply);
      console.warn(`no reply to ${id}`);
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
