import fetch from 'node-fetch';

export async function process(term) {
  const response = await Promise.race([
    fetch(`https://search.example/?q=${term}`),
    new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100)),
  ]);
  return response.status;
}
