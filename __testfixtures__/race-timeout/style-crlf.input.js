// CRLF line endings: every line the fix writes ends in CRLF too.
export async function process(term) {
  await Promise.race([search(term), new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]);
  return 'done';
}
