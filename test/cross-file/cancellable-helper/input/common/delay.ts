// The repository's sleep helper: a timer for a finite duration, a promise that never settles for an
// infinite one. Inlining it would copy that choice into every race, so it is made cancellable here.
export const delay = (duration: number) =>
  isFinite(duration)
    ? new Promise<void>(resolve => setTimeout(resolve, duration))
    : new Promise<void>(() => undefined);

export const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
