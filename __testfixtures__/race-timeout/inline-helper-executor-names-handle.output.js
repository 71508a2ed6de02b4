// The helper's executor calls its resolve `timerHandle`: the handle the fix declares takes another
// name, so that the inlined executor does not assign its own parameter.
const delay = (ms) => new Promise((timerHandle) => setTimeout(timerHandle, ms));

export async function process(term) {
  let timerHandle2;
  return Promise.race([
    search(term),
    new Promise((timerHandle) => {
      timerHandle2 = setTimeout(timerHandle, 100);
    }).then(() => { throw new Error('search canceled'); }),
  ]).finally(() => clearTimeout(timerHandle2));
}
