// The finally clears the timer, but `validate(term)` runs between the timer and the try: if it
// throws, the timer stays armed, so this is reported, not taken as already cleared.
function validate(term) {
  if (!term) throw new TypeError('empty term');
}
export async function search(term) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 100);
  validate(term);
  try {
    const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
    return await response.text();
  } finally {
    clearTimeout(timer);
  }
}
