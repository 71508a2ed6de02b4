const controller = new AbortController();
setTimeout(() => controller.abort(), 100);
const response = await fetch('https://search.example/config.json', { signal: controller.signal });
export const config = await response.json();
