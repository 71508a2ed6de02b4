// `consumer.on()` alone: a kafkajs consumer, a jQuery object or a mitt emitter has no
// removeListener, and nothing in this file says which this is.
export const waitForEvent = (consumer, eventName, maxWait = 1000) =>
  new Promise((resolve, reject) => {
    const timeoutId = setTimeout(() => reject(new Error(`Timeout waiting for '${eventName}'`)), maxWait);
    consumer.on(eventName, (event) => {
      clearTimeout(timeoutId);
      resolve(event);
    });
  });
