declare function search(term: string): Promise<string>;

// A generic helper whose return type names none of its type parameters: the inline arm spells it.
function delay<T>(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function process(term: string): Promise<string | void> {
  return Promise.race([search(term), delay(100)]);
}
