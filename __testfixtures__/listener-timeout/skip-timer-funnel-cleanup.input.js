// Every handler and the timer funnel through cleanup(), which clears the timer and removes the
// listeners: nothing said, nothing changed.
export function ready(shard, ms) {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      shard.off('ready', onReady);
      shard.off('death', onDeath);
    };
    const onReady = () => {
      cleanup();
      resolve(shard);
    };
    const onDeath = () => {
      cleanup();
      reject(new Error('shard died'));
    };
    const onTimeout = () => {
      cleanup();
      reject(new Error('shard not ready in time'));
    };
    const timer = setTimeout(onTimeout, ms);
    shard.once('ready', onReady);
    shard.once('death', onDeath);
  });
}

// A poll that re-arms itself, and a deferral to the next turn: no timeout at all.
export function whenSet(state) {
  return new Promise((resolve, reject) => {
    if (!state) {
      reject(new TypeError('no state'));
      return;
    }
    function check() {
      if (state.value) return resolve(state.value);
      setTimeout(check, 10);
    }
    check();
  });
}

export function nextTurn(request) {
  return new Promise((resolve, reject) => {
    const done = () => resolve(request.result);
    request.onerror = () => reject(new Error('request failed'));
    request.onload = () => setTimeout(done);
  });
}
