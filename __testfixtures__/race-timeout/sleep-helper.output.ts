declare function search(term: string): Promise<string>;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function process(term: string): Promise<string> {
  let timerHandle: ReturnType<typeof setTimeout>;
  return Promise.race([
    search(term),
    new Promise<void>((resolve) => {
      timerHandle = setTimeout(resolve, 100);
    }).then(() => {
      throw new Error('search canceled');
    }),
  ]).finally(() => clearTimeout(timerHandle));
}
