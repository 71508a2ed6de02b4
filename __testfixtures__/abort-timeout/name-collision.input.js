export async function process(term) {
  const timerHandle = 'not a timer';
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const response = await fetch('https://search.example/?q=' + term + timerHandle.slice(0, 0), { signal: controller.signal });
  return await response.text();
}
