// A sleep helper made cancellable at its definition (transforms/model/upgrade.ts), seen from the
// edges: the CLI's two passes, the preconditions that refuse, and what a one-file run (jscodeshift,
// ESLint) says instead. The fix itself is proved by execution in test/cross-file/cancellable-helper
// and __testfixtures__/race-timeout/helper-made-cancellable.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runRules } from '../transforms/engine/run';
import { registry } from '../transforms/registry';
import { createTempDir, removeTempDirs } from './harness';
import { cli } from './support/cli';

afterEach(removeTempDirs);

const HELPER = 'export const delay = (duration: number) =>\n  isFinite(duration)\n    ? new Promise<void>((resolve) => setTimeout(resolve, duration))\n    : new Promise<void>(() => undefined);\n';
const RACE = "import { delay } from './delay';\n\nconst LIMIT = 100;\n\nexport function find(work: Promise<string>) {\n  return Promise.race([work, delay(LIMIT)]);\n}\n";
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

describe('a sleep helper of another file, made cancellable', () => {
  it('the dry run shows both diffs, the helper\'s first in no particular need: sorted by path', async () => {
    const dir = createTempDir('fs-upgrade-', { 'package.json': '{ "name": "app", "private": true }\n', 'src/delay.ts': HELPER, 'src/find.ts': RACE });
    const result = await cli(['src'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout.indexOf('--- a/src/delay.ts')).toBeGreaterThanOrEqual(0);
    expect(result.stdout.indexOf('--- a/src/delay.ts')).toBeLessThan(result.stdout.indexOf('--- a/src/find.ts'));
    expect(result.stdout).toContain('+export const delay = (duration: number, signal?: AbortSignal) =>');
    // past 80 columns with the signal and `.finally(…)`: the arrow on a line of its own, as Prettier puts it
    expect(result.stdout).toContain('+  return Promise.race([work, delay(LIMIT, timerController.signal)]).finally(\n+    () => timerController.abort(),\n+  );');
  });

  it('--json gives the helper a finding of its own, fixed, and the race fixed', async () => {
    const dir = createTempDir('fs-upgrade-', { 'package.json': '{ "name": "app", "private": true }\n', 'src/delay.ts': HELPER, 'src/find.ts': RACE });
    const result = await cli(['--json', '-', 'src'], dir);
    const sites = JSON.parse(result.stdout).sites.map((site: any) => [site.file, site.messageId, site.status]);
    expect(sites).toEqual([
      ['src/delay.ts', 'fixedHelperCancellable', 'fixed'],
      ['src/find.ts', 'fixed', 'fixed'],
    ]);
  });

  it('a run over the race\'s file alone cannot change the helper: it says what would', async () => {
    const dir = createTempDir('fs-upgrade-', { 'package.json': '{ "name": "app", "private": true }\n', 'src/delay.ts': HELPER, 'src/find.ts': RACE });
    const result = await cli(['src/find.ts'], dir);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/src\/find\.ts:6:30 {2}error {2}Promise\.race with a sleep helper: the timer of `delay` \(src\/delay\.ts:1\) cannot be cleared from the race/);
    expect(result.stderr).toContain('run forgotten-sender over the repository: it gives `delay` an optional AbortSignal');
  });

  it('under jscodeshift (one file at a time) the race is refused with the same words', () => {
    const dir = createTempDir('fs-upgrade-', { 'package.json': '{ "name": "app", "private": true }\n', 'src/delay.ts': HELPER, 'src/find.ts': RACE });
    const file = path.join(dir, 'src/find.ts');
    const result = runRules(registry, file, read(dir, 'src/find.ts'));
    expect(result.output).toBeUndefined();
    expect(result.findings.map((finding) => [finding.status, finding.messageId])).toEqual([['refused', 'helperNotCancellable']]);
  });

  it('a helper its package publishes is left as it is, and the refusal says so', async () => {
    const dir = createTempDir('fs-upgrade-', { 'package.json': '{ "name": "timing", "main": "dist/index.js" }\n', 'src/index.ts': "export { delay } from './delay';\n", 'src/delay.ts': HELPER, 'src/find.ts': RACE });
    const result = await cli(['src'], dir);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('nor is it given a signal: the package `timing` is not private and its file exports it, so a new parameter may be its API');
  });

  it('a helper under a disable comment is left as it is, and so are the races that use it', async () => {
    const dir = createTempDir('fs-upgrade-', { 'package.json': '{ "name": "app", "private": true }\n', 'src/delay.ts': `/* forgotten-sender-disable race-timeout -- kept as it is */\n${HELPER}`, 'src/find.ts': RACE });
    const result = await cli(['src'], dir);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('nor is it given a signal: a disable comment of race-timeout leaves it as it is');
  });

  it('a JavaScript helper is left as it is: a caller may already pass a second argument', async () => {
    const helper = 'export const delay = (duration) =>\n  isFinite(duration) ? new Promise((resolve) => setTimeout(resolve, duration)) : new Promise(() => undefined);\n';
    const dir = createTempDir('fs-upgrade-', { 'package.json': '{ "private": true }\n', 'src/delay.js': helper, 'src/find.js': RACE.replace('(work: Promise<string>)', '(work)') });
    const result = await cli(['src'], dir);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('the timer of `delay` (src/delay.js:1) cannot be taken out of it safely');
  });

  it('--write: a helper that cannot be written keeps the races that rely on it unwritten', async () => {
    const dir = createTempDir('fs-upgrade-', { 'package.json': '{ "name": "app", "private": true }\n', 'src/delay.ts': HELPER, 'src/find.ts': RACE });
    fs.chmodSync(path.join(dir, 'src/delay.ts'), 0o444);
    const result = await cli(['--write', '--force', 'src'], dir);
    expect(result.code).toBe(2);
    expect(read(dir, 'src/delay.ts')).toBe(HELPER);
    expect(read(dir, 'src/find.ts')).toBe(RACE);
    expect(result.stderr).toContain('not written: it passes a signal to the helper of src/delay.ts, which could not be written');
  });

  it('a second --write changes nothing', async () => {
    const dir = createTempDir('fs-upgrade-', { 'package.json': '{ "name": "app", "private": true }\n', 'src/delay.ts': HELPER, 'src/find.ts': RACE });
    await cli(['--write', '--force', 'src'], dir);
    const once = [read(dir, 'src/delay.ts'), read(dir, 'src/find.ts')];
    const again = await cli(['--write', '--force', 'src'], dir);
    expect([read(dir, 'src/delay.ts'), read(dir, 'src/find.ts')]).toEqual(once);
    expect(again.stderr).not.toMatch(/:\d+:\d+ {2}(error|warning)/);
    expect(again.stderr).toContain('1 note on code that is already safe');
  });
});

describe('a helper of a package of the repository\'s own workspaces', () => {
  const files = {
    'package.json': '{ "private": true, "workspaces": ["packages/*"] }\n',
    'packages/utils/package.json': '{ "name": "@acme/utils", "exports": "./lib/index.js", "types": "lib/index.d.ts" }\n',
    'packages/utils/src/index.ts': "export * from './sleep.js';\n",
    'packages/utils/src/sleep.ts': "export function sleep(ms: number, signal?: AbortSignal): Promise<void> {\n  return new Promise((resolve) => {\n    const timer = setTimeout(resolve, ms);\n    signal?.addEventListener('abort', () => clearTimeout(timer));\n  });\n}\n",
    'packages/app/src/find.ts': "import { sleep } from '@acme/utils';\n\nexport function find(work: Promise<string>) {\n  return Promise.race([work, sleep(100).then(() => 'late')]);\n}\n",
  };

  it('is followed from the package name to its sources (lib → src), and the race passes it a signal', async () => {
    const dir = createTempDir('fs-workspace-', files);
    const result = await cli(['packages/app'], dir);
    expect(result.stdout).toContain("+  return Promise.race([work, sleep(100, timerController.signal).then(() => 'late')]).finally(() => timerController.abort());");
  });

  it('a package name that no workspace holds stays a package', async () => {
    const dir = createTempDir('fs-workspace-', { ...files, 'packages/app/src/find.ts': files['packages/app/src/find.ts'].replace('@acme/utils', '@other/utils') });
    const result = await cli(['packages/app'], dir);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('comes from the package `@other/utils`, which this transform cannot see into');
  });
});

describe('what keeps a helper as it is (found by review, each once wrong)', () => {
  const CHOOSING = (head: string) => `${head}\n  ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve();\n`;
  const DELAY = CHOOSING('export const delay = (ms: number) =>');
  const RACE_OF = "import { delay } from './delay';\ndeclare function search(): Promise<string>;\nexport function find() {\n  return Promise.race([search(), delay(100)]);\n}\n";
  const project = (files: Record<string, string>) => createTempDir('fs-upgrade-review-', { 'package.json': '{ "private": true }\n', ...files });

  it.each([
    ['used as a value in another file', { 'delay.ts': DELAY, 'find.ts': RACE_OF, 'all.ts': "import { delay } from './delay';\nexport const all = [1, 2].map(delay);\n" }, '`[1, 2].map(delay)` in all.ts uses it other than as a call that passes at most 1 argument'],
    ['called from JavaScript', { 'delay.ts': DELAY, 'find.ts': RACE_OF, 'caller.js': "import { delay } from './delay';\nexport const wait = (ms, label) => delay(ms, label);\n" }, 'caller.js calls it from JavaScript'],
    ['declared with overloads', { 'delay.ts': 'export function delay(ms: number): Promise<void>;\nexport function delay(ms: number) {\n  return ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve();\n}\n', 'find.ts': RACE_OF }, 'it has overload signatures'],
    ['typed by its const', { 'delay.ts': `type Sleep = (ms: number) => Promise<void>;\n${CHOOSING('export const delay: Sleep = (ms) =>')}`, 'find.ts': RACE_OF }, 'the const that holds it is given a type of its own'],
    ['given a `this` parameter', { 'delay.ts': 'export function delay(this: void, ms: number) {\n  return ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve();\n}\n', 'find.ts': RACE_OF }, 'it declares a `this` parameter'],
  ])('a helper %s is left as it is, and the race says why', async (_what, files, reason) => {
    const dir = project(files as Record<string, string>);
    const result = await cli(['.'], dir);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(reason);
  });

  it('a method of an exported class is left as it is: a subclass may override it', async () => {
    const dir = project({ 'clock.ts': "declare function search(): Promise<string>;\nexport class Clock {\n  wait(ms: number) {\n    return ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve();\n  }\n  find() {\n    return Promise.race([search(), this.wait(5)]);\n  }\n}\n" });
    const result = await cli(['.'], dir);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('a method of a class that is exported or extended');
  });

  it.each([
    ['made at module level', "const shutdown = new AbortController();\nexport function find() {\n  return Promise.race([search(), sleep(100, shutdown.signal)]).finally(() => shutdown.abort());\n}\n", 'followSignal('],
    ['made before a loop', "export async function all() {\n  const c = new AbortController();\n  for (let i = 0; i < 3; i++) await Promise.race([search(), sleep(100, c.signal)]).finally(() => c.abort());\n}\n", 'runs again for each turn'],
  ])('a signal of a controller %s is not this race\'s own: not called safe', async (_what, body, said) => {
    const sleep = "declare function search(): Promise<string>;\nfunction sleep(ms: number, signal?: AbortSignal): Promise<void> {\n  return new Promise((resolve) => {\n    const timer = setTimeout(resolve, ms);\n    signal?.addEventListener('abort', () => clearTimeout(timer));\n  });\n}\n";
    const dir = project({ 'a.ts': sleep + body });
    const result = await cli(['--notes', '.'], dir);
    expect(result.stderr).not.toMatch(/:\d+:\d+ {2}note/);
    // the search runs before the sleep's call: the race's own signal follows it from that call on
    // (a race in a braceless loop body has nowhere for the lines: refused)
    expect(result.stdout + result.stderr).toContain(said);
  });

  it('a timer callback that reads `arguments` is not moved into an arrow', async () => {
    const dir = project({ 'a.ts': "declare function search(): Promise<string>;\nconst delay = (ms: number) =>\n  ms > 0 ? new Promise<number>((resolve) => setTimeout(function () { resolve(arguments.length); }, ms)) : Promise.resolve(0);\nexport function find() {\n  return Promise.race([search(), delay(5)]);\n}\n" });
    const result = await cli(['.'], dir);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("nor is it given a signal: its timer's callback reads `arguments`");
  });

  it('a timer callback that does more than settle is not made abortable (the abort would skip that work)', async () => {
    const dir = project({ 'a.ts': "declare function search(): Promise<string>\nconst state = { done: false }\nconst delay = (ms: number) =>\n  ms > 0\n    ? new Promise<void>((resolve) => setTimeout(() => {\n      [state].forEach((s) => { s.done = true })\n      resolve()\n    }, ms))\n    : Promise.resolve()\nexport function find() {\n  return Promise.race([search(), delay(5)])\n}\n" });
    const result = await cli(['.'], dir);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain("nor is it given a signal: its timer's callback does more than settle the promise, which an abort would skip");
  });

  it('`ms => …` gets its parameters in parentheses', async () => {
    const dir = project({ 'a.ts': "declare function search(): Promise<string>;\nconst delay = (ms => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve())) as (ms: number) => Promise<void>;\nexport function find() {\n  return Promise.race([search(), delay(5)]);\n}\n", 'b.ts': "declare function search(): Promise<string>;\nconst delay = (ms: any) => 0;\nconst wait = ms => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());\nexport function find() {\n  return Promise.race([search(), wait(5)]);\n}\n" });
    const result = await cli(['.'], dir);
    expect(result.stdout).toContain('+const wait = (ms, signal?: AbortSignal) => (ms > 0');
  });

  it('--only race-timeout reads a helper\'s file that no rule had a reason to read', async () => {
    const dir = project({ 'delay.ts': DELAY, 'find.ts': RACE_OF });
    const result = await cli(['--only', 'race-timeout', '.'], dir);
    expect(result.stdout).toContain('--- a/delay.ts');
    expect(result.stdout).toContain('--- a/find.ts');
  });
});
