// The helper is also passed as a value (`list.map(delay)`), which would hand it an index where a new
// signal parameter would go: it is not given one.
const delay = (duration: number) =>
  isFinite(duration) ? new Promise<void>((resolve) => setTimeout(resolve, duration)) : new Promise<void>(() => undefined);

export function process(work: () => Promise<string>, ms: number) {
  return Promise.race([work(), delay(ms)]);
}

export function all(list: number[]) {
  return Promise.all(list.map(delay));
}
