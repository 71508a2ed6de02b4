// A file without semicolons: the clear after the awaited fetch runs only when fetch answers. The
// finally takes its place, in the file's style, and the blank lines around it stay as they were.
export async function process(term: string): Promise<string> {
  const controller = new AbortController()
  const id = setTimeout(() => controller.abort(), 100)

  try {
    const response = await fetch('https://search.example/?q=' + term, {
      signal: controller.signal,
    })

    return response.text()
  } finally {
    clearTimeout(id)
  }
}
