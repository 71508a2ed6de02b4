declare function search(term: string): Promise<string>;

// One promise, and one timer, per term: each needs its own handle.
export async function process(term: string): Promise<string> {
  const records = await Promise.all([term].map((each) => {
    let timerHandle: ReturnType<typeof setTimeout>;
    return new Promise<string>((resolve, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
      search(each).then(resolve, reject);
    }).finally(() => clearTimeout(timerHandle));
  }));
  return records.join('');
}
