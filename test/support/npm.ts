// Child processes as a user's shell would run them: without the npm_* settings that `npm test`
// hands down to vitest (a user's npm has none), with plain output.
import { spawnSync } from 'node:child_process';

export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_|^INIT_CWD$/i.test(key)) env[key] = value;
  return { ...env, NO_COLOR: '1', CI: '', ...extra };
}

export function sh(command: string, args: string[], cwd: string, extra: Record<string, string> = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: cleanEnv(extra), timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
