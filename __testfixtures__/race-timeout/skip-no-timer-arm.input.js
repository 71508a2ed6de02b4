export function process(term) {
  // a race, but not against a timer: nothing to clear
  return Promise.race([search(term), searchMirror(term)]);
}
