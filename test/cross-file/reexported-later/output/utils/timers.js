// A sleep helper that resolves with a value, exported through an index file.
export function later(ms, value) {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}
