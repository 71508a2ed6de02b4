// The helper reads `arguments`: inlined into the race, it would read the race's function's.
const delay = function (ms) {
  return new Promise((resolve) => setTimeout(resolve, arguments.length > 1 ? 0 : ms));
};

export async function process(term) {
  return Promise.race([search(term), delay(100)]);
}
