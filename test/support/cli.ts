// What the CLI tests share: main() in process with its output captured, small inputs of the
// race-timeout rule (a leak it fixes, a race it refuses, a race already safe), a git repository.
import { execFileSync } from 'node:child_process';
import { main } from '../../cli/main';
import { createTempDir } from '../harness';

/** a leaking race the rule fixes, exported as `name` */
export const leak = (name = 'find') => `export const ${name} = (term) => Promise.race([search(term), new Promise((_, reject) => setTimeout(() => reject(new Error('late')), 100))]);\n`;
export const LEAK = leak();
/** a race the rule refuses: the timer callback does more than settle */
export const REFUSED = "export const slow = (term) => Promise.race([search(term), new Promise((_, reject) => setTimeout(() => { log(); reject(new Error('late')); }, 100))]);\n";
/** a race already cleared on every path: a note */
export const SAFE = "export async function safe(term) {\n  let timer;\n  try {\n    return await Promise.race([search(term), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('late')), 100); })]);\n  } finally {\n    clearTimeout(timer);\n  }\n}\n";
/** a piece of the race-timeout fix's output */
export const FIXED_MARK = '.finally(() => clearTimeout(timerHandle))';

export async function cli(argv: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(['--no-progress', ...argv], { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, cwd, env: {} });
  return { code, stdout, stderr };
}

/** a temporary git work tree holding `files` (nothing committed) */
export function gitRepo(files: Record<string, string>, prefix = 'forgotten-sender-repo-'): string {
  const dir = createTempDir(prefix, files);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}
