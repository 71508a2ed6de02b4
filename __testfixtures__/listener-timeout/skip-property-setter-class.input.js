// `Channel` has an `onmessage` setter that throws on anything but a function: a
// `channel.onmessage = null` in the timer would throw there. Only platform classes are trusted to
// take null. Reported, not rewritten.
class Channel {
  #handler = () => {};
  set onmessage(fn) {
    if (typeof fn !== 'function') throw new TypeError('onmessage must be a function');
    this.#handler = fn;
  }
  get onmessage() {
    return this.#handler;
  }
}

export async function first() {
  const channel = new Channel();
  return await new Promise((resolve, reject) => {
    channel.onmessage = (m) => resolve(m);
    setTimeout(() => reject(new Error('no message')), 20);
  });
}
