// The deadline is disarmed after the race and in the catch: cancelled whichever way the race
// settles already, it is not moved (a finally would disarm it twice when the race rejects).
function watchDeadline(ms) {
  let timer;
  const promise = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('search canceled')), ms);
  });
  return { promise, disarm: () => clearTimeout(timer) };
}

export async function process(term) {
  const deadline = watchDeadline(100);
  try {
    const record = await Promise.race([search(term), deadline.promise]);
    deadline.disarm();
    return record;
  } catch (error) {
    deadline.disarm();
    throw error;
  }
}
