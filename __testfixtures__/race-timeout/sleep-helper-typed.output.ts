declare function search(term: string): Promise<string>;

// The helper's value type is its return type; the inline arm keeps it.
function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  const record = await Promise.race([
    search(term),
    new Promise<void>((resolve) => {
      timerHandle = setTimeout(resolve, 100);
    }).then(() => Promise.reject(new Error('search canceled'))),
  ]).finally(() => clearTimeout(timerHandle));
  return record;
}
