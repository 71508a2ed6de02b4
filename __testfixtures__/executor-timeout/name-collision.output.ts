declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  const timerHandle = 'not a timer';
  let timerHandle2: ReturnType<typeof setTimeout>;
  return new Promise<string>((resolve, reject) => {
    timerHandle2 = setTimeout(
      () => reject(new Error(`search canceled (${timerHandle})`)),
      100,
    );
    search(term).then(resolve, reject);
  }).finally(() => clearTimeout(timerHandle2));
}
