module.exports = require('./timers');
