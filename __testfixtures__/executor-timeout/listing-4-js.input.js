// Listing 4 in JavaScript, as a new Promise executor: search takes 200 ms, process gives up after 100 ms.
export async function process(term) {
  const record = await new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error('search canceled')), 100);
    search(term).then(resolve, reject);
  });
  console.log('Received:', record);
  return record;
}
