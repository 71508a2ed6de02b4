// Timers that call a function of the executor but time nothing out: nothing said, nothing changed.

// a sleep that resolves through a function
export function sleep(ms, value) {
  return new Promise((resolve) => {
    const done = () => resolve(value);
    setTimeout(() => done(), ms);
  });
}

// a race arm that rejects through a function: race-timeout's, and only the timer settles it
export function timeout(ms) {
  return new Promise((_, reject) => {
    const fail = () => reject(new Error('timed out'));
    setTimeout(() => fail(), ms);
  });
}

// a poll, scheduled through a helper
export function whenReady(state) {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (state.failed) reject(new Error('failed'));
      else if (state.ready) resolve(state.value);
      else schedule();
    };
    const schedule = () => setTimeout(check, 50);
    check();
  });
}

// a retry with backoff
export function withRetries(work, tries) {
  return new Promise((resolve, reject) => {
    const attempt = (left) => {
      work().then(resolve, (error) => {
        if (left === 0) reject(error);
        else setTimeout(() => attempt(left - 1), 100);
      });
    };
    attempt(tries);
  });
}

// a debounce of the data a stream sends
export function collect(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let timer;
    const flush = () => resolve(chunks.join(''));
    stream.on('data', (chunk) => {
      chunks.push(chunk);
      clearTimeout(timer);
      timer = setTimeout(flush, 50);
    });
    stream.on('error', reject);
  });
}

// an async executor that clears its timer in a finally
export function read(client, ms) {
  return new Promise(async (resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('read timeout')), ms);
    try {
      resolve(await client.read());
    } catch (error) {
      reject(error);
    } finally {
      clearTimeout(timer);
    }
  });
}
