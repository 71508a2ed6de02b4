import fetch from 'node-fetch';

export async function process(term) {
  let timerHandle;
  const response = await Promise.race([
    fetch(`https://search.example/?q=${term}`),
    new Promise((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
  return response.status;
}
