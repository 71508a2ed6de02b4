export function waitLoad(target) {
  let timerHandle;
  return new Promise((resolve, reject) => {
    target.addEventListener('ready', resolve, { capture: true });
    timerHandle = setTimeout(() => reject(new Error('ready timeout')), 100);
  }).finally(() => clearTimeout(timerHandle));
}
