// A closure reads the signal's state later: with the timer cleared it would never see the abort.
export async function process(term) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
  return { status: response.status, timedOut: () => controller.signal.aborted };
}
