export function arm() {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
}
