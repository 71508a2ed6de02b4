// A sleep helper, and the moment its module was first loaded.
const loadedAt = Date.now();

module.exports = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
module.exports.loadedAt = loadedAt;
