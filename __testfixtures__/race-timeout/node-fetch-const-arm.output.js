// node-fetch's fetch, held in a const: the timer is cleared; the request is not given a signal,
// since this fetch is not the platform's.
import fetch from 'node-fetch';

export async function process(term) {
  const request = fetch(`https://search.example/?q=${term}`);
  let timerHandle;
  const response = await Promise.race([
    request,
    new Promise((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
  return response.status;
}
