// The handler settles with what it parses: a clear put before `resolve(JSON.parse(…))` would run
// before a parse that throws, and leave the promise pending with the timer that settles it cleared.
// Reported, not rewritten.
export function load(xhr, ms) {
  return new Promise((resolve, reject) => {
    xhr.onload = () => {
      xhr.onload = null;
      xhr.onerror = null;
      resolve(JSON.parse(xhr.responseText));
    };
    xhr.onerror = () => {
      xhr.onload = null;
      xhr.onerror = null;
      reject(new Error('request failed'));
    };
    setTimeout(() => {
      xhr.onload = null;
      xhr.onerror = null;
      reject(new Error('request timed out'));
    }, ms);
  });
}
