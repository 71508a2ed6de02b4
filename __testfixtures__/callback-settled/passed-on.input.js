// The callback is handed straight to the producer.
export function process(term, callback) {
  setTimeout(function () {
    callback(new Error('search canceled'));
  }, 100);
  search(term, callback);
}
