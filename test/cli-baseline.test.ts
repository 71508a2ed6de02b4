// A baseline for a "no new leaks" gate, report lines with severity and rule id, notes kept out of
// the count, and the CLI's disable comments, from temporary repositories outside the clone.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registry } from '../transforms/registry';
import { removeTempDirs } from './harness';
import { cli, gitRepo, leak, REFUSED, SAFE } from './support/cli';

afterEach(removeTempDirs);

describe('--baseline', () => {
  it('--update-baseline, then --baseline --check passes; a new leak fails it; moved code keeps its fingerprint', async () => {
    const dir = gitRepo({ 'src/a.js': `${leak('first')}${REFUSED}`, 'src/b.js': SAFE });
    const recorded = await cli(['--update-baseline', 'src'], path.join(dir));
    expect(recorded.code).toBe(0);
    expect(recorded.stderr).toContain('forgotten-sender: baseline: 2 sites recorded in .forgotten-sender-baseline.json');
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, '.forgotten-sender-baseline.json'), 'utf8'));
    expect(baseline.sites.map((site: { rule: string; file: string; line: number }) => [site.rule, site.file, site.line])).toEqual([
      ['race-timeout', 'src/a.js', 1],
      ['race-timeout', 'src/a.js', 2],
    ]);

    const clean = await cli(['--baseline', '--check', 'src'], dir);
    expect(clean.code).toBe(0);
    expect(clean.stderr).not.toContain('  error  ');
    expect(clean.stderr).toMatch(/baseline\s+2 known, not reported; 0 gone/);

    // lines shifted and re-indented: still known; one more copy of the same code: new
    fs.writeFileSync(path.join(dir, 'src/a.js'), `// a header\n\n${REFUSED.replace('=>', ' =>')}${leak('first')}`);
    expect((await cli(['--baseline', '--check', 'src'], dir)).code).toBe(0);
    fs.appendFileSync(path.join(dir, 'src/a.js'), REFUSED.replace('slow', 'slow2'));
    const added = await cli(['--baseline', '--check', 'src'], dir);
    expect(added.code).toBe(1);
    expect(added.stderr.match(/ {2}error {2}/g)).toHaveLength(1);
    expect(added.stderr).toContain('src/a.js:5:98  error  Promise.race timeout: the timer callback does more than settle');

    // from a subdirectory, the default baseline is still the repository root's
    fs.writeFileSync(path.join(dir, 'src/a.js'), REFUSED);
    const gone = await cli(['--baseline', '--json', '.'], path.join(dir, 'src'));
    expect(JSON.parse(gone.stdout).summary.baseline).toMatchObject({ known: 1, gone: 1 });
  });

  it('--update-baseline over part of the repository keeps the entries of the files it did not read through', async () => {
    const dir = gitRepo({ 'src/a.js': REFUSED, 'lib/b.js': REFUSED.replace('slow', 'other') });
    const recorded = (file = '.forgotten-sender-baseline.json') => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')).sites.map((site: { file: string }) => site.file);
    expect((await cli(['--update-baseline', '.'], dir)).stderr).toContain('baseline: 2 sites recorded in .forgotten-sender-baseline.json\n');
    // src/ fixed by hand: its entry goes, lib/'s stays
    fs.writeFileSync(path.join(dir, 'src/a.js'), SAFE);
    expect((await cli(['--update-baseline', 'src'], dir)).stderr).toContain('baseline: 1 site recorded in .forgotten-sender-baseline.json (1 of them kept from files this run did not read through)');
    expect(recorded()).toEqual(['lib/b.js']);
    expect((await cli(['--baseline', '--check', '.'], dir)).code).toBe(0);
    // a file that no longer parses keeps its entries: the run could not tell whether its sites are gone
    fs.writeFileSync(path.join(dir, 'lib/b.js'), `${REFUSED.replace('slow', 'other')}Promise.race([setTimeout(f, 1), ;\n`);
    expect((await cli(['--update-baseline', '.'], dir)).code).toBe(2);
    expect(recorded()).toEqual(['lib/b.js']);
    // another file named: recorded anew, the default one untouched
    expect((await cli(['--update-baseline=other.json', 'src'], dir)).stderr).toContain('baseline: 0 sites recorded in other.json\n');
  });

  it('says what to do when there is no baseline yet, before any work', async () => {
    const dir = gitRepo({ 'a.js': REFUSED });
    const result = await cli(['--baseline', '.'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`no baseline at ${path.join(dir, '.forgotten-sender-baseline.json')}: record one with --update-baseline`);
  });
});

describe('report lines', () => {
  it('are path:line:col  severity  one sentence  (rule), with how to fix below; notes only with --notes, never counted', async () => {
    const dir = gitRepo({ 'a.js': REFUSED, 'b.js': SAFE });
    const result = await cli(['--check', '.'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'a.js:1:97  error  Promise.race timeout: the timer callback does more than settle the timeout promise, and clearing the timer would skip that work  (race-timeout)\n    how to fix: move the extra work after the race, then clear the timer in .finally() on the race\n',
    );
    expect(result.stderr).not.toContain('b.js:');
    expect(result.stderr).toMatch(/race-timeout\s+0\s+1\s+1\n/);
    expect(result.stderr).toContain('1 note on code that is already safe not shown (--notes shows them)');
    const withNotes = await cli(['--notes', '.'], dir);
    expect(withNotes.stderr).toContain('b.js:4:18  note  Promise.race timeout: its timer `timer` is already cleared on every path  (race-timeout)\n    how to fix: nothing to do\n');
    // notes alone never fail --check
    fs.rmSync(path.join(dir, 'a.js'));
    expect((await cli(['--check', '.'], dir)).code).toBe(0);
  });

  it('every message of every rule is one sentence, at most 200 characters before the code it quotes', () => {
    let count = 0;
    for (const rule of registry) {
      for (const [id, message] of Object.entries(rule.messages)) {
        const line = `${message.what}: ${message.why}`;
        // the placeholders stand for code of the site: their length is the user's
        expect(line.replace(/\{\w+\}/g, '…').length, `${rule.name}/${id}: ${line}`).toBeLessThanOrEqual(200);
        expect(line, `${rule.name}/${id}`).not.toMatch(/[\w)`'"]\. +[A-Z]/);
        expect(message.fix.length, `${rule.name}/${id}: ${message.fix}`).toBeLessThanOrEqual(200);
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(100);
  });

  it('the summary names each file that failed to parse, with its place', async () => {
    const dir = gitRepo({ 'broken.ts': 'Promise.race([setTimeout(f, 1), ;\n', 'a.js': REFUSED });
    const result = await cli(['.'], dir);
    expect(result.code).toBe(2);
    const summary = result.stderr.slice(result.stderr.indexOf('forgotten-sender summary'));
    expect(summary).toMatch(/\n1 file failed:\nbroken\.ts:1:\d+ {2}error {2}file does not parse — /);
    expect(result.stderr.match(/broken\.ts/g)).toHaveLength(1);
  });
});

describe('disable comments in the CLI', () => {
  it('silence exactly their site, and --report-unused-disable lists (and fails --check on) the ones matching nothing', async () => {
    const dir = gitRepo({ 'a.js': `// forgotten-sender-disable-next-line race-timeout -- tracked in #7\n${REFUSED}${leak('second')}// forgotten-sender-disable-next-line\nexport const x = 1;\n` });
    const result = await cli(['--json', '.'], dir);
    const report = JSON.parse(result.stdout);
    expect(report.sites.map((site: { line: number; verdict: string }) => [site.line, site.verdict])).toEqual([[3, 'fixed']]);
    expect(report.summary.suppressed).toBe(1);
    expect(result.stderr).toMatch(/suppressed\s+1 \(disable comments\)/);
    expect(report.unusedDisables).toEqual([]);

    fs.writeFileSync(path.join(dir, 'a.js'), `// forgotten-sender-disable-next-line race-timeout\n${REFUSED}// forgotten-sender-disable-next-line\nexport const x = 1;\n`);
    const unused = await cli(['--check', '--report-unused-disable', '.'], dir);
    expect(unused.code).toBe(1);
    expect(unused.stderr).toContain('a.js:3:1  warning  unused forgotten-sender-disable-next-line comment: no site on the next line  (unused-disable)');
    expect((await cli(['--check', '.'], dir)).code).toBe(0);
  });
});
