export async function process(term: string): Promise<number> {
  const response = await Promise.race([
    fetch(`https://search.example/?q=${term}`),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('search canceled')), 100)),
  ]);
  return response.status;
}
