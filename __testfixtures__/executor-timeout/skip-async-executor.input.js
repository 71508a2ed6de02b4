// An async executor: what runs across its awaits is not followed, so not rewritten.
export function load(client, ms) {
  return new Promise(async (resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('load timeout')), ms);
    const session = await client.open();
    resolve(await session.read());
  });
}
