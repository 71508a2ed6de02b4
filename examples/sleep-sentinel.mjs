import { setTimeout as sleep } from 'node:timers/promises';

const TIMED_OUT = Symbol('timed out');

// A sentinel timer from timers/promises: it cannot be cleared, but it can be aborted.
export async function firstMessage(queue) {
  const message = await Promise.race([queue.next(), sleep(30_000, TIMED_OUT)]);
  return message === TIMED_OUT ? undefined : message;
}
