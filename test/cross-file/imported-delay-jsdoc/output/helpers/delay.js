// The repository's sleep helper.
export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
