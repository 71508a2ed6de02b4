// The dry run's diff is a patch: `forgotten-sender --no-color > fix.patch && git apply fix.patch`
// leaves the same tree as `--write`, whatever the files' line breaks, final newline or BOM.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { unifiedDiff } from '../cli/diff';
import { removeTempDirs } from './harness';
import { cli, gitRepo, LEAK, leak } from './support/cli';

afterEach(removeTempDirs);

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'core.autocrlf=false', ...args], { cwd, encoding: 'utf8' });

function committedRepo(files: Record<string, string>): string {
  const dir = gitRepo(files, 'forgotten-sender-patch-');
  git(dir, 'add', '-A');
  git(dir, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'before');
  return dir;
}

function tree(dir: string, files: readonly string[]): Record<string, string> {
  return Object.fromEntries(files.map((file) => [file, fs.readFileSync(path.join(dir, file), 'latin1')]));
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const noFinalNewline = (text: string) => text.replace(/\r?\n$/, '');
// a change near the end of a longer file, so the hunk reaches the last line
const tail = (name: string) => `${Array.from({ length: 8 }, (_, index) => `const line${index} = ${index};`).join('\n')}\n${leak(name)}`;

// Each file holds a site the fix rewrites; the names say what is unusual about the file.
const FILES: Record<string, string> = {
  'lf.js': LEAK,
  'crlf.js': crlf(LEAK),
  'no-final-newline.js': noFinalNewline(tail('lastLf')),
  'crlf-no-final-newline.js': noFinalNewline(crlf(tail('lastCrlf'))),
  'bom.js': `\uFEFF${LEAK}`,
  'bom-crlf.js': `\uFEFF${crlf(LEAK)}`,
  'mixed.js': `const a = 1;\r\nconst b = 2;\n${LEAK}`,
  'src/deep/tabs.ts': `function outer() {\n\treturn 1;\n}\n${leak('tabbed')}`,
  'name with spaces.js': LEAK,
};

describe('the dry run is a patch git apply takes', () => {
  it('gives the tree --write gives: LF, CRLF, no final newline, BOM, nested paths', async () => {
    const dir = committedRepo(FILES);
    const dry = await cli(['--no-color'], dir);
    expect(dry.code).toBe(0);
    for (const file of Object.keys(FILES)) expect(dry.stdout).toContain(`+++ b/${file}`);
    const patch = path.join(dir, '..', `${path.basename(dir)}.patch`);
    fs.writeFileSync(patch, dry.stdout);
    try {
      git(dir, 'apply', '--check', patch);
      git(dir, 'apply', patch);
      const applied = tree(dir, Object.keys(FILES));
      git(dir, 'checkout', '-q', '--', '.');
      const written = await cli(['--write'], dir);
      expect(written.code).toBe(0);
      expect(applied).toEqual(tree(dir, Object.keys(FILES)));
      // and the patch changed something in every file
      for (const [file, before] of Object.entries(FILES)) expect(applied[file]).not.toBe(Buffer.from(before, 'utf8').toString('latin1'));
    } finally {
      fs.rmSync(patch, { force: true });
    }
  });

  it('applies from the directory it was made in, with paths given', async () => {
    const dir = committedRepo({ 'pkg/src/a.js': crlf(LEAK), 'pkg/b.js': noFinalNewline(LEAK) });
    const cwd = path.join(dir, 'pkg');
    const dry = await cli(['--no-color', 'src', 'b.js'], cwd);
    fs.writeFileSync(path.join(dir, 'fix.patch'), dry.stdout);
    git(cwd, 'apply', '../fix.patch');
    const applied = tree(cwd, ['src/a.js', 'b.js']);
    git(dir, 'checkout', '-q', '--', '.');
    await cli(['--write', '--force', 'src', 'b.js'], cwd);
    expect(applied).toEqual(tree(cwd, ['src/a.js', 'b.js']));
  });
});

describe('unifiedDiff', () => {
  it('keeps the \\r of CRLF lines, in context and in changes', () => {
    const diff = unifiedDiff('a.js', 'one\r\ntwo\r\nthree\r\n', 'one\r\n2\r\nthree\r\n');
    expect(diff).toBe('--- a/a.js\n+++ b/a.js\n@@ -1,3 +1,3 @@\n one\r\n-two\r\n+2\r\n three\r\n');
  });

  it('marks a last line without a line break, before and after', () => {
    expect(unifiedDiff('a.js', 'one\ntwo', 'one\n2')).toBe('--- a/a.js\n+++ b/a.js\n@@ -1,2 +1,2 @@\n one\n-two\n\\ No newline at end of file\n+2\n\\ No newline at end of file\n');
    expect(unifiedDiff('a.js', 'one\ntwo', 'one\ntwo\n')).toBe('--- a/a.js\n+++ b/a.js\n@@ -1,2 +1,2 @@\n one\n-two\n\\ No newline at end of file\n+two\n');
    expect(unifiedDiff('a.js', 'zero\none\ntwo', 'ZERO\none\ntwo')).toBe('--- a/a.js\n+++ b/a.js\n@@ -1,3 +1,3 @@\n-zero\n+ZERO\n one\n two\n\\ No newline at end of file\n');
  });

  it('quotes a path git would quote', () => {
    expect(unifiedDiff('tab\there.js', 'a\n', 'b\n').split('\n').slice(0, 2)).toEqual(['--- "a/tab\\there.js"', '+++ "b/tab\\there.js"']);
  });
});
