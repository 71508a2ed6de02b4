// `delay(ms)` with `(ms = 300) =>`: when `ms` is undefined the default applies, which `ms` written
// in its place would lose (a timer of 0 ms instead of 300).
const delay = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

export async function withTimeout(work, ms) {
  return Promise.race([work, delay(ms).then(() => 'timeout')]);
}
