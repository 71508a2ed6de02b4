declare function search(term: string): Promise<string>;

// A generic helper whose return type names none of its type parameters: the inline arm spells it.
function delay<T>(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function process(term: string): Promise<string | void> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return Promise.race([
    search(term),
    new Promise<void>((resolve) => {
      timerHandle = setTimeout(resolve, 100);
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
