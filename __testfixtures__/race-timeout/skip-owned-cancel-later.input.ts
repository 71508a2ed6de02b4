// The cancel comes two statements after the awaited race, past code that reads the object: moving
// it to run when the race settles would run it before that code. A warning, not a rewrite.
declare function search(term: string): Promise<string>;
declare function failAfter(ms: number): { promise: Promise<never>; cancel(): void; elapsed(): number };
declare function log(message: string): void;

export async function process(term: string): Promise<string> {
  const deadline = failAfter(100);
  const found = await Promise.race([search(term), deadline.promise]);
  log(`found after ${deadline.elapsed()} ms`);
  deadline.cancel();
  return found;
}
