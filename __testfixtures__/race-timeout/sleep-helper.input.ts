declare function search(term: string): Promise<string>;

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function process(term: string): Promise<string> {
  return Promise.race([
    search(term),
    delay(100).then(() => {
      throw new Error('search canceled');
    }),
  ]);
}
