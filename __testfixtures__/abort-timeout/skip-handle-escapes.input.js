export async function process(term, timers) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 100);
  timers.add(timer);
  const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
  return await response.text();
}
