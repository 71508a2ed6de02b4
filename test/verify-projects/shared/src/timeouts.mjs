// The races forgotten-sender fixes, as a project would write them. Every one of them settles at
// once (the work wins) and leaves its timer armed for TIMEOUT_MS, until the codemod clears it.
import { EventEmitter } from 'node:events';

export const TIMEOUT_MS = 300;

export async function lookup(term) {
  return `record for ${term}`;
}

// race-timeout: Promise.race with an inline timer promise
export async function raceLookup(term) {
  const record = await Promise.race([
    lookup(term),
    new Promise((_, reject) => setTimeout(() => reject(new Error('lookup timed out')), TIMEOUT_MS)),
  ]);
  return record;
}

// executor-timeout: a new Promise whose executor arms the timer beside the work
export function executorLookup(term) {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('lookup timed out')), TIMEOUT_MS);
    lookup(term).then(resolve, reject);
  });
}

// abort-timeout: a timer that aborts the request, never cleared once the body is read
export async function fetchText(url) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), TIMEOUT_MS);
  const response = await fetch(url, { signal: controller.signal });
  const text = await response.text();
  return text;
}

export const bus = new EventEmitter();

// listener-timeout: a once() listener raced by a timer; the event comes first
export function nextMessage() {
  return new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('no message')), TIMEOUT_MS);
    bus.once('message', resolve);
  });
}
