declare function search(term: string): Promise<string>;

export function process(term: string): Promise<string> {
  let timer: ReturnType<typeof setTimeout>;
  return new Promise<string>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then((record) => {
      clearTimeout(timer);
      resolve(record);
    }, reject); // when search fails, the timer stays armed
  }).finally(() => clearTimeout(timer));
}
