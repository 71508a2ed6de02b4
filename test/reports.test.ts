// Every message of a rule's table is exercised by a fixture's expected reports, so no message can
// drift from the code that emits it; every report line has the one format.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRules } from '../transforms/engine/run';
import { registry } from '../transforms/registry';
import { FIXTURES_ROOT, listFixtureCases, readText } from './harness';

function reportedLines(transform: string): string[] {
  const dir = join(FIXTURES_ROOT, transform);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.reports.txt'))
    .flatMap((file) => readText(join(dir, file)).split('\n'))
    .filter(Boolean);
}

describe.each(registry.map((rule) => [rule.name, rule] as const))('%s messages', (name, rule) => {
  const lines = reportedLines(name);
  it('every report line has the form path:line:col: what — why — how to fix', () => {
    for (const line of lines) expect(line).toMatch(/^[^:]+:\d+:\d+: [^—]+ — .+ — .+$/);
  });
  // a message one rule borrows from another (a race's timer verdicts, an executor's held resources)
  // is tested with the first rule of the registry whose table holds it
  const owner = (message: unknown) => registry.find((candidate) => Object.values(candidate.messages).includes(message as never))?.name;
  // a message only a run over several files can give (a fixture is one file, shown without its folder)
  // is exercised where such runs are: test/helper-upgrade.test.ts checks its text
  const severalFiles = new Set(['helperNotCancellable']);
  const own = Object.entries(rule.messages).filter(([id, message]) => !id.startsWith('fixed') && !severalFiles.has(id) && owner(message) === name);
  it.each(own)('%s is exercised by a fixture', (_id, message) => {
    const why = new RegExp(message.why.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.*'));
    expect(lines.some((line) => why.test(line))).toBe(true);
  });
  // what a fix says it mended is not a report line (the diff shows it): a positive fixture's run says it
  const fixedIds = Object.entries(rule.messages).filter(([id, message]) => id.startsWith('fixed') && id !== 'fixed' && owner(message) === name).map(([id]) => id);
  it.each(fixedIds)('%s is said by the fix of a fixture', (id) => {
    const saidBy = listFixtureCases(name)
      .filter((fixture) => fixture.outputPath)
      .some((fixture) => runRules([rule], fixture.inputPath, readText(fixture.inputPath), fixture.options).findings.some((finding) => finding.status === 'fixed' && finding.messageId === id));
    expect(saidBy).toBe(true);
  });
});
