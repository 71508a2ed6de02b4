declare function search(term: string): Promise<string>;

// The call's value decides T (`string`): the inlined `new Promise` would not take it.
// (`setTimeout(resolve, ms, value)` type-checks under lib DOM only: @types/node types the extra
// argument against `resolve` strictly.)
function sleep<T>(ms: number, value?: T): Promise<T> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms, value);
  });
}

export async function process(term: string): Promise<string> {
  return Promise.race([search(term), sleep(100, 'cached value')]);
}
