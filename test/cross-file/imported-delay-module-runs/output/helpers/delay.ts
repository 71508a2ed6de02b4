// A sleep helper whose module counts its loads on a global registry when it is imported.
const registry = globalThis as { helperLoads?: number };
registry.helperLoads = (registry.helperLoads ?? 0) + 1;

export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
