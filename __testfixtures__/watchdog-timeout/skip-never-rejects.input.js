// The awaited promise only ever fulfils (its executor has no reject to call): the clear after it
// always runs. Nothing is said.
export async function process(term, emitter) {
  const closed = new Promise((resolve) => {
    emitter.once('close', resolve);
  });
  const bomb = setTimeout(() => {
    throw new Error(`${term}: not closed within 100 ms`);
  }, 100);
  await closed;
  clearTimeout(bomb);
  return 'closed';
}
