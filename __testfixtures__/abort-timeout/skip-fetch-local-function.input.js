// `fetch` here is a function of this file, not the platform's: what it does with the signal after
// it returns is its own, and the late abort may be what stops it.
async function fetch(url, { signal }) {
  poll(url, signal);
  return { status: 200 };
}

export async function status(url) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const response = await fetch(url, { signal: controller.signal });
  return response.status;
}
