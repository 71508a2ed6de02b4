// The same object, cancelled in a finally around the awaited race: on every path. A note.
declare function search(term: string): Promise<string>;
declare function failAfter(ms: number): { promise: Promise<never>; cancel(): void };

export async function process(term: string): Promise<string> {
  const deadline = failAfter(100);
  try {
    return await Promise.race([search(term), deadline.promise]);
  } finally {
    deadline.cancel();
  }
}
