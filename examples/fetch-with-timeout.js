// A fetch raced against a timer: the timer outlives a fast response, and a slow response is
// downloaded to the end although nobody will read it.
export async function getJson(url, ms = 5000) {
  const response = await Promise.race([
    fetch(url, { headers: { accept: 'application/json' } }),
    new Promise((_, reject) => {
      setTimeout(() => reject(new Error(`GET ${url} timed out after ${ms} ms`)), ms);
    }),
  ]);
  return response.json();
}
