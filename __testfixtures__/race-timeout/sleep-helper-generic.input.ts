declare function search(term: string): Promise<string>;

// A generic sleep helper called without its value: nothing at the call decides T, so the inline
// arm's `new Promise` takes its type from the race, as the call's did.
// (`setTimeout(resolve, ms, value)` type-checks under lib DOM only: @types/node types the extra
// argument against `resolve` strictly.)
function sleep<T>(ms: number, value?: T): Promise<T> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms, value);
  });
}

export async function process(term: string): Promise<string> {
  return Promise.race([search(term), sleep(100).then(() => 'cached value')]);
}
