// A warning logged when the search is slow, in TypeScript: the statements between the timer and its
// clear go into the try block as they are, and what they declare is not read after it.
declare function search(term: string): Promise<string>;

const logger = {
  warnings: [] as string[],
  warn(message: string): void {
    this.warnings.push(message);
  },
};

export async function process(term: string): Promise<number> {
  const warnLongSearch = setTimeout(() => logger.warn('search is taking long'), 100);
  const answer = await search(term);
  logger.warnings.push(`answered: ${answer.length}`);
  clearTimeout(warnLongSearch);
  return logger.warnings.length;
}
