// A sleep helper, exported the CommonJS way.
module.exports = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
