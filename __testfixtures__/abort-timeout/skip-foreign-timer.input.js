// The abort timer is armed by an injected clock, not the platform's setTimeout: how it is cleared
// is the clock's business.
export async function process(term, clock) {
  const controller = new AbortController();
  clock.setTimeout(() => controller.abort(), 100);
  const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
  return response.text();
}
