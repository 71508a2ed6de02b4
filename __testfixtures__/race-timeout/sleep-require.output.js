const { setTimeout: wait } = require('timers/promises');

async function process(term) {
  const timerController = new AbortController();
  const record = await Promise.race([search(term), wait(100, null, { ref: false, signal: timerController.signal })]).finally(() => timerController.abort());
  if (record === null) throw new Error('search canceled');
  return record;
}

module.exports = { process };
