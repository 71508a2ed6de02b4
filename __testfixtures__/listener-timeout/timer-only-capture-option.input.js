export function waitLoad(target) {
  return new Promise((resolve, reject) => {
    target.addEventListener('ready', resolve, { capture: true });
    setTimeout(() => reject(new Error('ready timeout')), 100);
  });
}
