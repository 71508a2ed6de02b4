export async function process(term) {
  if (term) return Promise.race([search(term), new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
  return '';
}
