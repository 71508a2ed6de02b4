// A parameter named `controller`: nothing says it is an AbortController, so this is not judged.
export async function process(term, controller) {
  setTimeout(() => controller.abort(), 100);
  return controller.run(term);
}
