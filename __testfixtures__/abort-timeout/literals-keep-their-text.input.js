// The try/finally the fix adds re-indents the lines it wraps, but never the text of a literal: the
// template literal's continuation lines, a string continued with a backslash, and a raw U+2028
// inside a string keep their values.
export async function process(term) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 100);
  const response = await fetch(`https://search.example/?q=${term}
&lang=en`, { signal: controller.signal });
  clearTimeout(timer);
  const note = 'a string \
continued';
  const separator = ' ';
  void [note, separator];
  return response.text();
}
