// Every message of callback-settled's table is exercised by a fixture's expected reports, and every report
// line has the form `path:line:col: what — why — how to fix`.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../transforms/callback-settled';
import { FIXTURES_ROOT, readText } from './harness';

const dir = join(FIXTURES_ROOT, 'callback-settled');
const lines = readdirSync(dir)
  .filter((file) => file.endsWith('.reports.txt'))
  .flatMap((file) => readText(join(dir, file)).split('\n'))
  .filter(Boolean);

describe('callback-settled messages', () => {
  it('every report line has the form path:line:col: what — why — how to fix', () => {
    for (const line of lines) expect(line).toMatch(/^[^:]+:\d+:\d+: [^—]+ — .+ — .+$/);
  });
  it.each(Object.entries(MESSAGES))('%s is exercised by a fixture', (_id, message) => {
    const why = new RegExp(message.why.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.*'));
    expect(lines.some((line) => why.test(line))).toBe(true);
  });
});
