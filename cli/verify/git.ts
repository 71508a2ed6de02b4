// The temporary git worktree the codemod is applied to: the user's tree is only read. It holds the
// same code as the user's tree (HEAD, plus uncommitted and untracked changes), borrows its
// node_modules through symbolic links, and is removed with its metadata afterwards; it creates no
// branch or other ref.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export class GitError extends Error {}

export function git(cwd: string, args: readonly string[], input?: string | Buffer): string {
  try {
    return execFileSync('git', args, { cwd, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1024 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new GitError(`git ${args.join(' ')}: ${stderr || (error as Error).message}`);
  }
}

/** the top of the git work tree holding `cwd`, or undefined outside one */
export function repositoryRoot(cwd: string): string | undefined {
  try {
    return fs.realpathSync(git(cwd, ['rev-parse', '--show-toplevel']).trim());
  } catch {
    return undefined;
  }
}

function nulSeparated(text: string): string[] {
  return text.split('\0').filter((entry) => entry !== '');
}

export interface Worktree {
  dir: string;
  remove(): void;
}

export function addWorktree(root: string, dir: string): Worktree {
  git(root, ['worktree', 'add', '--detach', '--quiet', dir, 'HEAD']);
  const worktree: Worktree = {
    dir,
    remove() {
      try {
        git(root, ['worktree', 'remove', '--force', dir]);
      } catch {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      // the metadata of a worktree whose directory is gone
      try {
        git(root, ['worktree', 'prune']);
      } catch {
        // nothing to prune
      }
    },
  };
  try {
    carryChanges(root, dir);
    linkNodeModules(root, dir);
  } catch (error) {
    worktree.remove();
    throw error;
  }
  return worktree;
}

// Staged and unstaged changes to tracked files as one patch against HEAD, then the untracked files
// git does not ignore, copied as they are.
function carryChanges(root: string, dir: string): void {
  const patch = git(root, ['diff', '--binary', 'HEAD']);
  if (patch !== '') git(dir, ['apply', '--binary', '--whitespace=nowarn'], patch);
  for (const relative of nulSeparated(git(root, ['ls-files', '-z', '--others', '--exclude-standard']))) {
    const from = path.join(root, relative);
    const to = path.join(dir, relative);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    const stat = fs.lstatSync(from);
    if (stat.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), to);
    else if (stat.isFile()) fs.copyFileSync(from, to);
  }
}

// Every ignored node_modules of the user's tree, at the same place: the tests run against the
// dependencies the user installed, and nothing is installed twice.
function linkNodeModules(root: string, dir: string): void {
  const ignored = nulSeparated(git(root, ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory']));
  for (const entry of ignored) {
    const relative = entry.replace(/\/$/, '');
    if (path.basename(relative) !== 'node_modules') continue;
    const target = path.join(dir, relative);
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(fs.realpathSync(path.join(root, relative)), target, 'dir');
  }
}
