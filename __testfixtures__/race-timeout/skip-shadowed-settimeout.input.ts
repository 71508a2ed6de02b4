declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  // a fake clock: its setTimeout is not the platform timer
  const setTimeout = (callback: () => void, ms: number) => queueMicrotask(callback);
  return Promise.race([search(term), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
}
