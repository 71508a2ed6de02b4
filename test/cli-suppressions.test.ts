// Disable comments: each silences exactly its site (neither fixed nor reported), under the CLI and
// under jscodeshift alike, and `--report-unused-disable` names the ones that match nothing.
import { describe, expect, it } from 'vitest';
import all from '../transforms/all';
import { parseDirective, runWithSuppressions } from '../transforms/engine/suppressions';
import raceTimeoutEntry from '../transforms/race-timeout';
import { registry } from '../transforms/registry';
import { applyTransform } from './harness';
import { leak, REFUSED } from './support/cli';

const KNOWN = registry.map((rule) => rule.name);

function run(source: string, path = 'a.js') {
  return runWithSuppressions(registry, path, source, {}, KNOWN);
}

const fixedNames = (output: string | undefined) => [...(output ?? '').matchAll(/export const (\w+) = \(term\) => \{/g)].map((match) => match[1]);

describe('disable comments', () => {
  it('read the rules and the reason after --', () => {
    expect(parseDirective(' forgotten-sender-disable-next-line race-timeout, executor-timeout -- known, see #12', false)).toEqual({
      kind: 'next-line',
      rules: ['race-timeout', 'executor-timeout'],
      reason: 'known, see #12',
      keyword: 'forgotten-sender-disable-next-line',
    });
    expect(parseDirective(' forgotten-sender-disable-line', false)).toMatchObject({ kind: 'line', rules: undefined });
    expect(parseDirective(' forgotten-sender-disable forgotten-sender/race-timeout ', true)).toMatchObject({ kind: 'file', rules: ['race-timeout'] });
    // a file-level disable is a block comment, as ESLint's is
    expect(parseDirective(' forgotten-sender-disable', false)).toBeUndefined();
    expect(parseDirective(' eslint-disable-next-line no-console, forgotten-sender/race-timeout', false)).toMatchObject({ kind: 'next-line', rules: ['race-timeout'] });
    // ESLint's comments for other rules only are not ours
    expect(parseDirective(' eslint-disable-next-line no-console', false)).toBeUndefined();
    expect(parseDirective(' forgotten-sender-disable-next-lines', false)).toBeUndefined();
  });

  it('next-line silences exactly the site whose statement starts on the next line', () => {
    const result = run(`// forgotten-sender-disable-next-line race-timeout -- tracked in #1\n${leak('first')}${leak('second')}`);
    expect(fixedNames(result.output)).toEqual(['second']);
    expect(result.findings.map((finding) => [finding.position.line, finding.status])).toEqual([[3, 'fixed']]);
    expect(result.output).toContain("// forgotten-sender-disable-next-line race-timeout -- tracked in #1\nexport const first = (term) => Promise.race(");
    expect(result.suppressed).toBe(1);
    expect(result.unused).toEqual([]);
  });

  it('the line above a multi-line statement counts, and so does the line above the site itself', () => {
    const multiLine = `export async function find(term) {\n  // forgotten-sender-disable-next-line\n  const record = await Promise.race([\n    search(term),\n    new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 100)),\n  ]);\n  return record;\n}\n`;
    const result = run(multiLine);
    expect(result.output).toBeUndefined();
    expect(result.findings).toEqual([]);
    expect(result.suppressed).toBe(1);
  });

  it('disable-line, eslint-disable-next-line and eslint-disable-line do the same', () => {
    for (const source of [
      `${leak('first').trimEnd()} // forgotten-sender-disable-line race-timeout\n${leak('second')}`,
      `// eslint-disable-next-line forgotten-sender/race-timeout -- reviewed\n${leak('first')}${leak('second')}`,
      `${leak('first').trimEnd()} // eslint-disable-line forgotten-sender/race-timeout\n${leak('second')}`,
    ]) {
      const result = run(source);
      expect(fixedNames(result.output)).toEqual(['second']);
      expect(result.suppressed).toBe(1);
    }
  });

  it('a file-level disable silences every site of the rules it names, reported ones too', () => {
    const result = run(`/* forgotten-sender-disable race-timeout */\n${leak('first')}${REFUSED}`);
    expect(result.output).toBeUndefined();
    expect(result.findings).toEqual([]);
    expect(result.suppressed).toBe(2);
    const otherRule = run(`/* forgotten-sender-disable executor-timeout */\n${leak('first')}`);
    expect(fixedNames(otherRule.output)).toEqual(['first']);
    expect(otherRule.unused.map((unused) => unused.reason)).toEqual(['no site of executor-timeout in this file']);
  });

  it('a comment naming another rule, or aimed at another line, leaves the site alone and is unused', () => {
    const result = run(`// forgotten-sender-disable-next-line listener-timeout\n${leak('first')}\n// forgotten-sender-disable-next-line\n\n${leak('second')}// forgotten-sender-disable-line no-such-rule\n`);
    expect(fixedNames(result.output)).toEqual(['first', 'second']);
    expect(result.unused.map(({ line, reason }) => [line, reason])).toEqual([
      [1, 'no site of listener-timeout on the next line'],
      [4, 'no site on the next line'],
      [7, 'no such rule: no-such-rule'],
    ]);
  });

  it('hold under jscodeshift, for all.ts and for one rule\'s entry, and --report-unused-disable reports there too', () => {
    const source = `// forgotten-sender-disable-next-line race-timeout\n${REFUSED}// forgotten-sender-disable-next-line buffered-slot\n${leak('second')}`;
    for (const transform of [all, raceTimeoutEntry]) {
      const quiet = applyTransform(transform, 'a.js', source);
      expect(fixedNames(quiet.output ?? undefined)).toEqual(['second']);
      expect(quiet.reports).toEqual([]);
    }
    const unused = 'a.js:3:1: unused forgotten-sender-disable-next-line comment — no site of buffered-slot on the next line — remove it';
    expect(applyTransform(all, 'a.js', source, { 'report-unused-disable': true }).reports).toEqual([unused]);
    // race-timeout's entry does not run buffered-slot: whether that comment matches is not its to say
    expect(applyTransform(raceTimeoutEntry, 'a.js', source, { 'report-unused-disable': true }).reports).toEqual([]);
  });
});
