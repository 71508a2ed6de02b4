// The fetch is started before the race and named: the controller its signal comes from must be
// declared before that statement, or every call throws a ReferenceError.
export async function process(term) {
  const request = fetch(`https://search.example/?q=${term}`);
  const response = await Promise.race([
    request,
    new Promise((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100)),
  ]);
  return response.status;
}
