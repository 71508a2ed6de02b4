// A timers/promises sleep raced first, given the caller's signal, and the search after it: if the
// search throws at its call, the race is never made, and a follower of the caller's signal added
// before it would stay on that signal for good (the input's own listener goes when its timer fires).
// Reported, not rewritten.
import { setTimeout as sleep } from 'node:timers/promises';

export async function process(term, signal) {
  await Promise.race([sleep(100, undefined, { signal }), search(term)]);
  return 'done';
}
