// A module-level import names another setTimeout: the arm held in a const calls that one, whose
// handle the platform's clearTimeout must never be given.
import { setTimeout } from './fake-timers.js';

export async function process(term) {
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100));
  return Promise.race([search(term), timeout]);
}
