// The programmatic API: the CLI's run without its printing. `require('forgotten-sender').run(…)`
// loads this through cli/index.cjs; its types are cli/index.d.ts (test/cli-package.test.ts checks
// that this file satisfies them).
import { registry } from '../transforms/registry';
import { defaultArgs } from './args';
import { EXIT_ERROR, execute, sitesLeft } from './main';

export interface ApiOptions {
  paths?: string[];
  write?: boolean;
  rules?: string[];
  options?: Record<string, unknown>;
  cwd?: string;
  force?: boolean;
  jobs?: number;
  config?: string;
}

const silent = { write: () => true };

export async function run(options: ApiOptions = {}) {
  const args = defaultArgs();
  args.paths = options.paths && options.paths.length > 0 ? [...options.paths] : ['.'];
  args.write = options.write === true;
  args.force = options.force === true;
  args.only = options.rules ? [...options.rules] : [];
  args.transformOptions = { ...(options.options ?? {}) };
  args.jobs = options.jobs;
  args.config = options.config;
  args.progress = false;
  const cwd = options.cwd ?? process.cwd();
  const execution = await execute(args, registry, { stdout: silent, stderr: silent, cwd, env: process.env });
  if (execution.fatal !== undefined || execution.result === undefined) throw new Error(execution.fatal ?? 'forgotten-sender: the run did not start');
  const { result } = execution;
  return {
    sites: result.sites,
    changes: execution.changes,
    problems: result.problems,
    unusedDisables: result.unusedDisables,
    summary: result.summary,
    /** what the CLI would exit with under --check */
    exitCode: execution.exitCode === EXIT_ERROR ? EXIT_ERROR : sitesLeft(result).length > 0 ? 1 : 0,
  };
}
