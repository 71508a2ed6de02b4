// The helper's executor calls its resolve `timerHandle`: the handle the fix declares takes another
// name, so that the inlined executor does not assign its own parameter.
const delay = (ms) => new Promise((timerHandle) => setTimeout(timerHandle, ms));

export async function process(term) {
  return Promise.race([search(term), delay(100).then(() => { throw new Error('search canceled'); })]);
}
