export async function process(term) {
  if (term) {
    let timerHandle;
    return Promise.race([search(term), new Promise((_, reject) => {
      timerHandle = setTimeout(() => reject(new Error('search canceled')), 100);
    })]).finally(() => clearTimeout(timerHandle));
  }
  return '';
}
