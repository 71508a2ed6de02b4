// The callback's type is an alias, and it is handed straight to the producer.
type Callback<T> = (err: Error | null, value?: T) => void;

declare function search(term: string, callback: Callback<string>): void;

export function find(term: string, callback: Callback<string>, ms = 100) {
  let settled = false;
  let timerHandle: ReturnType<typeof setTimeout>;

  const callbackOnce: typeof callback = (...args) => {
    if (!settled) {
      settled = true;
      clearTimeout(timerHandle);
      return callback(...args);
    }
  };

  timerHandle = setTimeout(
    () => callbackOnce(new Error(`search for ${term} canceled`)),
    ms,
  );
  search(term, callbackOnce);
}
