// Sleep helpers, exported one by one.
exports.later = function later(ms, value) {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
};

exports.never = () => new Promise(() => {});
