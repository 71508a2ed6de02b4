// The timer's handle goes through `safeUnref`, which only unrefs it and gives it back: what the
// executor holds is still the timer's own handle, so it is kept and cleared once the race settles.
declare function search(term: string): Promise<string>;

function safeUnref(timer: ReturnType<typeof setTimeout>): ReturnType<typeof setTimeout> {
  if (typeof timer === 'object' && typeof timer.unref === 'function') {
    timer.unref();
  }
  return timer;
}

export async function process(term: string): Promise<string> {
  return Promise.race([
    search(term),
    new Promise<never>((_, reject) => safeUnref(setTimeout(() => reject(new Error('search canceled')), 100))),
  ]);
}
