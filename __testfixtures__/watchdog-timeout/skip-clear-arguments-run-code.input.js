// The clear logs in its own arguments: moved into a finally, that log would run when the search
// fails too.
export async function process(term, results) {
  const bomb = setTimeout(() => console.error('search is slow'), 1000);
  results.push(await search(term));
  clearTimeout(bomb, console.log('search done'));
}
