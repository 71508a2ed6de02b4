// An enum declared between the timer and its clear would be scoped to a try block, and the return
// after it could no longer see it. Reported, not changed.
declare function load(): Promise<void>;

export async function process(): Promise<number> {
  const warnSlowLoad = setTimeout(() => console.warn('load is slow'), 100);
  enum Mode {
    Fast,
    Slow,
  }
  await load();
  clearTimeout(warnSlowLoad);
  return Mode.Slow;
}
