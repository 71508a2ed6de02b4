// The work is raced against a deadline object and an interrupt watcher of the code's own, each
// disarmed by its own method right after the awaited race: both disarms now run in a finally
// around it, so a failing search leaves neither the timer nor the watcher's listener.
import { EventEmitter } from 'node:events';

const signals = new EventEmitter();

export function interruptListeners() {
  return signals.listenerCount('interrupt');
}
function watchDeadline(ms) {
  let timer;
  const promise = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('search canceled')), ms);
  });
  return { promise, disarm: () => clearTimeout(timer) };
}

function watchInterrupt() {
  let onInterrupt;
  return {
    promise: () => new Promise((_, reject) => {
      onInterrupt = () => reject(new Error('interrupted'));
      signals.once('interrupt', onInterrupt);
    }),
    disarm: () => signals.off('interrupt', onInterrupt),
  };
}

export async function process(term) {
  let found;
  const deadline = watchDeadline(100);
  const interrupt = watchInterrupt();
  try {
    await Promise.race([
      search(term).then((record) => {
        found = record;
      }),
      interrupt.promise(),
      deadline.promise,
    ]);
  } finally {
    interrupt.disarm();
    deadline.disarm();
  }

  return found;
}
