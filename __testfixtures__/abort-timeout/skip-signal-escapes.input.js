export async function process(term, events) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  // the late abort also removes this listener: clearing the timer would keep it forever
  events.addEventListener('progress', () => {}, { signal: controller.signal });
  const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
  return await response.text();
}
