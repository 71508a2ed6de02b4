// `exited` is a promise made by the caller: it may only ever fulfil (then the clear always runs), or
// it may reject. Which one is not known here: a warning, no change.
export async function process(term, exited) {
  const bomb = setTimeout(() => {
    throw new Error(`${term}: no exit within 100 ms`);
  }, 100);
  await exited;
  clearTimeout(bomb);
  return 'exited';
}
