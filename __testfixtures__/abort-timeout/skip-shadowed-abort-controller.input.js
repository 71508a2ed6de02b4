import { AbortController } from './fake-abort.js';

export async function process(term) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
  return await response.text();
}
