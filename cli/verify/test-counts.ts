// How many tests passed and failed, read from the summary a test runner prints last. Each format
// is read only from its own summary lines, so a test's own output cannot be taken for one:
//   node --test  TAP `# pass 4` / `# fail 0`; spec `ℹ pass 4` / `ℹ fail 0`
//   vitest       `Tests  3 passed | 1 failed (4)`
//   jest         `Tests:       1 failed, 3 passed, 4 total`
//   mocha        `  3 passing (12ms)` / `  1 failing`
//   any runner   `3 passed, 1 failed` alone on a line (one word and a colon may come first)
// A command that runs several suites prints several summaries: they are added up.

export interface TestCounts {
  passed: number;
  failed: number;
}

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;

interface Format {
  /** a summary line of this runner */
  line: RegExp;
  read(match: RegExpExecArray): Partial<TestCounts>;
}

const numberBefore = (text: string, word: string): number | undefined => {
  const match = new RegExp(`(\\d+) ${word}\\b`).exec(text);
  return match === null ? undefined : Number(match[1]);
};

const FORMATS: Format[] = [
  { line: /^[#ℹ] pass (\d+)$/, read: (match) => ({ passed: Number(match[1]) }) },
  { line: /^[#ℹ] fail (\d+)$/, read: (match) => ({ failed: Number(match[1]) }) },
  { line: /^Tests\s{2,}(\d.*)$/, read: (match) => ({ passed: numberBefore(match[1], 'passed') ?? 0, failed: numberBefore(match[1], 'failed') ?? 0 }) },
  { line: /^Tests:\s+(\d.*total)$/, read: (match) => ({ passed: numberBefore(match[1], 'passed') ?? 0, failed: numberBefore(match[1], 'failed') ?? 0 }) },
  { line: /^(\d+) passing(?: \(.*\))?$/, read: (match) => ({ passed: Number(match[1]) }) },
  { line: /^(\d+) failing$/, read: (match) => ({ failed: Number(match[1]) }) },
  { line: /^(?:\w+:\s*)?(\d+) passed, (\d+) failed(?:, \d+ skipped)?$/, read: (match) => ({ passed: Number(match[1]), failed: Number(match[2]) }) },
];

/** the counts of every summary in `output`, or undefined when it holds none */
export function parseTestCounts(output: string): TestCounts | undefined {
  let found = false;
  const counts: TestCounts = { passed: 0, failed: 0 };
  for (const rawLine of output.replace(ANSI, '').split(/\r?\n/)) {
    const line = rawLine.trim();
    for (const format of FORMATS) {
      const match = format.line.exec(line);
      if (match === null) continue;
      const read = format.read(match);
      counts.passed += read.passed ?? 0;
      counts.failed += read.failed ?? 0;
      found = true;
      break;
    }
  }
  return found ? counts : undefined;
}
