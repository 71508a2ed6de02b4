// Every route the README gives to run the codemod on a project, run as written from temporary
// folders outside the clone: the install from the repository (this clone, as a git+file URL, in
// place of the GitHub URL), `npm --prefix <clone> start -- <paths>`, and the GitHub Actions
// workflow of "Use it in CI", step by step. (The tarball, the jscodeshift entry and the API are in
// test/cli-package.test.ts; the baseline commands in test/cli-baseline.test.ts.)
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, sh } from './support/npm';

const ROOT = path.resolve(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const GIT_URL = 'git+https://github.com/forgotten-sender/forgotten-sender.git';
const LOCAL_URL = `git+file://${ROOT}`;
const LEAK = "export const find = (term) => Promise.race([search(term), new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 100))]);\n";
const REFUSED = "export const slow = (term) => Promise.race([search(term), new Promise((_, reject) => setTimeout(() => { log(); reject(new Error('late')); }, 100))]);\n";

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

function userProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forgotten-sender-route-'));
  temps.push(dir);
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'user-project', private: true }));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'initial');
  return dir;
}

// The README's commands are run as it spells them (the URL aside): it must keep spelling them so.
function readmeCommand(command: string): string[] {
  expect(README).toContain(command);
  return command.replace(GIT_URL, LOCAL_URL).split(' ');
}

describe('the README\'s routes, from outside the clone', () => {
  it('npm install --save-dev <git URL>, then npx forgotten-sender src/', () => {
    const project = userProject({ 'src/leak.js': LEAK });
    const [npm, ...install] = readmeCommand(`npm install --save-dev ${GIT_URL}`);
    const installed = sh(npm, [...install, '--no-audit', '--no-fund', '--prefer-offline'], project);
    expect(installed.code, installed.stderr).toBe(0);
    const [npx, ...dry] = readmeCommand('npx forgotten-sender src/');
    const result = sh(npx, dry, project);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('--- a/src/leak.js');
    expect(fs.existsSync(path.join(project, 'node_modules', 'forgotten-sender', '__testfixtures__'))).toBe(false);
    // npx runs where it is typed: from a subdirectory, paths are read from there
    const fromSubdirectory = sh(npx, ['forgotten-sender', '.'], path.join(project, 'src'));
    expect(fromSubdirectory.code, fromSubdirectory.stderr).toBe(0);
    expect(fromSubdirectory.stdout).toContain('--- a/leak.js');
  }, 120_000);

  it('npm --prefix <clone> start -- src/ reads src/ from where npm runs', () => {
    const project = userProject({ 'src/leak.js': LEAK });
    expect(README).toContain('`npm --prefix /path/to/forgotten-sender start -- src/`');
    const result = sh('npm', ['--prefix', ROOT, 'start', '--', 'src/'], project);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('--- a/src/leak.js');
  }, 60_000);

  it('the GitHub Actions workflow of "Use it in CI": its run steps pass, then fail on a new leak, and the SARIF is written', () => {
    const workflow = /```yaml\n(# \.github\/workflows\/forgotten-sender\.yml\n[\s\S]*?)```/.exec(README)?.[1];
    expect(workflow).toBeDefined();
    const steps = [...workflow!.matchAll(/^ {6}- run: (.+)$/gm)].map((match) => match[1].replace(GIT_URL, LOCAL_URL));
    expect(steps).toHaveLength(3);
    expect(workflow).toContain('uses: github/codeql-action/upload-sarif@v3');

    const project = userProject({ 'src/old.js': REFUSED });
    const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'forgotten-sender-runner-'));
    temps.push(runnerTemp);
    // the project keeps a baseline of the site it has today, as the workflow's comment says
    const githubPath = path.join(runnerTemp, 'github-path');
    fs.writeFileSync(githubPath, '');
    const runSteps = (list: string[]) => {
      let last = { code: 0 as number | null, stdout: '', stderr: '' };
      for (const step of list) {
        const extraPath = fs.readFileSync(githubPath, 'utf8').split('\n').filter(Boolean).reverse().join(path.delimiter);
        const env = { RUNNER_TEMP: runnerTemp, GITHUB_PATH: githubPath, PATH: [extraPath, process.env.PATH].filter(Boolean).join(path.delimiter) };
        const result = spawnSync('bash', ['-e', '-c', step], { cwd: project, encoding: 'utf8', env: cleanEnv(env), timeout: 120_000 });
        last = { code: result.status, stdout: result.stdout, stderr: result.stderr };
        if (last.code !== 0) return last;
      }
      return last;
    };
    const setup = runSteps(steps.slice(0, 2));
    expect(setup.code, setup.stderr).toBe(0);
    const recorded = runSteps(['forgotten-sender --update-baseline .']);
    expect(recorded.code, recorded.stderr).toBe(0);

    const gate = runSteps(steps.slice(2));
    expect(gate.code, gate.stderr).toBe(0);
    const sarif = JSON.parse(fs.readFileSync(path.join(project, 'forgotten-sender.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toEqual([]);

    fs.writeFileSync(path.join(project, 'src', 'new.js'), LEAK);
    const failing = runSteps(steps.slice(2));
    expect(failing.code).toBe(1);
    const after = JSON.parse(fs.readFileSync(path.join(project, 'forgotten-sender.sarif'), 'utf8'));
    expect(after.runs[0].results.map((result: any) => result.locations[0].physicalLocation.artifactLocation.uri)).toEqual(['src/new.js']);
  }, 180_000);
});
