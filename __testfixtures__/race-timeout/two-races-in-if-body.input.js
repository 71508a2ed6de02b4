// Two races in one `if` body without braces: both are fixed in one run. Each fix would move the
// whole body below its head, and the two moves would overlap: the body stays on the head's line.
export async function process(term) {
  let found = ['none'];
  if (term) found = [await Promise.race([search(term), new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))]), await Promise.race([search(term), new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100))])];
  return found.join();
}
