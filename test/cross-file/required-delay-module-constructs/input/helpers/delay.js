// A sleep helper, beside a registry made as the module loads.
class Registry {
  constructor() {
    this.createdAt = Date.now();
  }
}

const registry = new Registry();

module.exports = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
module.exports.registry = registry;
