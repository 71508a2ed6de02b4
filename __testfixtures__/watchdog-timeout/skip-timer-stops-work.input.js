// The timer kills the child if it does not exit in time. When the wait for its exit fails, the kill
// may be what ends the child, so the clear is not moved: reported, with the effect it would skip.
export async function stop(child) {
  child.kill('SIGTERM');
  const forceKill = setTimeout(() => child.kill('SIGKILL'), 100);
  await waitForExit(child);
  clearTimeout(forceKill);
}
