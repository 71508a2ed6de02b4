declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  const timerHandle = 'not a timer';
  return new Promise<string>((resolve, reject) => {
    setTimeout(() => reject(new Error(`search canceled (${timerHandle})`)), 100);
    search(term).then(resolve, reject);
  });
}
