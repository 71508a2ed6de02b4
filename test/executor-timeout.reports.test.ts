// Every message of executor-timeout's table is exercised by a fixture's expected reports.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../transforms/executor-timeout';
import { FIXTURES_ROOT, readText } from './harness';

const dir = join(FIXTURES_ROOT, 'executor-timeout');
const lines = readdirSync(dir)
  .filter((file) => file.endsWith('.reports.txt'))
  .flatMap((file) => readText(join(dir, file)).split('\n'))
  .filter(Boolean);
const coveredElsewhere = new Set<string>();

describe('executor-timeout messages', () => {
  it('every report line has the form path:line:col: what — why — how to fix', () => {
    for (const line of lines) expect(line).toMatch(/^[^:]+:\d+:\d+: [^—]+ — .+ — .+$/);
  });
  it.each(Object.entries(MESSAGES).filter(([id]) => !coveredElsewhere.has(id)))('%s is exercised by a fixture', (_id, message) => {
    const why = new RegExp(message.why.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.*'));
    expect(lines.some((line) => why.test(line))).toBe(true);
  });
});
