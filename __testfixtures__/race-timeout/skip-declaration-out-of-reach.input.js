// The timer arm is declared in a for head: no statement before the race can declare a handle both see.
export async function process(term) {
  for (const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100)); ; ) {
    return Promise.race([search(term), timeout]);
  }
}
