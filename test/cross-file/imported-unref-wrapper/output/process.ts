// The timer's handle goes through `safeUnref` of another file, which only unrefs it and gives it
// back: the handle the executor holds is the timer's own, kept and cleared once the race settles.
import { safeUnref } from './timer';

declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string | null> {
  let timerHandle!: ReturnType<typeof setTimeout>;
  const timeout = new Promise<null>((resolve) => {
    timerHandle = safeUnref(setTimeout(() => resolve(null), 100));
  });

  try {
    return await Promise.race([search(term), timeout]);
  } finally {
    clearTimeout(timerHandle);
  }
}
