declare function search(term: string): Promise<string>;

export async function process(term: string): Promise<string> {
  let timerHandle!: ReturnType<typeof setTimeout>;
  // any parameter names, block bodies
  try {
    return await Promise.race([
      search(term),
      new Promise<string>(function (ok, fail) {
        timerHandle = setTimeout(function () {
          fail(new Error("search canceled"));
        }, 100);
      }),
    ]);
  } finally {
    clearTimeout(timerHandle);
  }
}
