declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  // any parameter names, block bodies
  return await Promise.race([
    search(term),
    new Promise<string>(function (ok, fail) {
      setTimeout(function () {
        fail(new Error("search canceled"));
      }, 100);
    }),
  ]);
}
