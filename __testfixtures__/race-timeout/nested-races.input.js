export async function process(term) {
  return Promise.race([
    Promise.race([search(term), new Promise((_, reject) => setTimeout(() => reject(new Error('inner')), 50))]),
    new Promise((_, reject) => setTimeout(() => reject(new Error('outer')), 100)),
  ]);
}
