// A parent signal also aborts the controller, and the catch reads `signal.aborted` to name the
// error: neither holds the signal. The finally clears the timer on every exit: nothing to do.
export async function process(term: string, parent?: AbortSignal): Promise<string> {
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), 100);
  const onParentAbort = (): void => controller.abort();
  parent?.addEventListener('abort', onParentAbort, { once: true });
  try {
    const response = await fetch('https://search.example/?q=' + term, { signal: controller.signal });
    return await response.text();
  } catch (error) {
    if (controller.signal.aborted) throw new Error('search canceled');
    throw error;
  } finally {
    clearTimeout(timeout);
    parent?.removeEventListener('abort', onParentAbort);
  }
}
