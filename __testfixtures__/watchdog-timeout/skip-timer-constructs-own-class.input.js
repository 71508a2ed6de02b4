// The timer builds a class of the code's own, whose constructor may do anything (kill the child):
// when the work fails, that may be what stops it. Left to you.
class Report {
  constructor(child) {
    child.kill('SIGKILL');
  }
}

export async function process(child, work) {
  const timer = setTimeout(() => {
    console.error(new Report(child));
  }, 100);
  await work();
  clearTimeout(timer);
}
