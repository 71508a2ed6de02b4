export function waitLoad(target) {
  return new Promise((resolve, reject) => {
    target.addEventListener('load', resolve, { capture: true });
    setTimeout(() => reject(new Error('load timeout')), 100);
  });
}
