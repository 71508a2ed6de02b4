// The helper's abort listener settles a promise of its own making, not the one it gives back, and a
// handler on that one counts: aborted each time the race settles, the count would grow. Reported,
// not rewritten.
let acks = 0;
export const count = () => acks;

function sleep(ms, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    new Promise((ack) => {
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        ack();
      });
    }).then(() => {
      acks += 1;
    });
  });
}

export function process(term) {
  return Promise.race([search(term), sleep(100)]);
}
