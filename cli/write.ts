// --write: a file is either left as it was or replaced whole, and stays the same file to its owner.
// The new text goes to `.<name>.forgotten-sender-<pid>.tmp` in the same directory (same file
// system, so rename(2) is atomic) with the original's mode, owner and group, then replaces the
// original; a failure at any step removes the temporary file and leaves the original.
//   - a symbolic link is written through: its target is replaced, the link stays (the caller checks
//     that the target is inside the repository);
//   - a read-only file (no write bit) is refused unless --force-readonly;
//   - a file with several hard links is rewritten in place, after the same check that it did not
//     change, so that every link keeps seeing one file (that write is not atomic).
import * as fs from 'node:fs';
import * as path from 'node:path';

export class WriteRefusal extends Error {}

export interface WriteOptions {
  /** write files whose mode has no write bit */
  forceReadonly?: boolean;
}

const TEMP_PATTERN = /^\.(.+)\.forgotten-sender-(\d+)\.tmp$/;

export function tempFileFor(file: string, pid: number = process.pid): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.forgotten-sender-${pid}.tmp`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, as another user's
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** removes the temporary files a killed run left in these directories; returns how many */
export function removeStaleTempFiles(dirs: Iterable<string>): number {
  let removed = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMP_PATTERN.exec(name);
      if (!match) continue;
      const pid = Number(match[2]);
      // a temporary file under this run's own pid is from an earlier process that had it
      if (pid !== process.pid && processAlive(pid)) continue;
      try {
        fs.unlinkSync(path.join(dir, name));
        removed++;
      } catch {
        // gone already, or not ours to remove
      }
    }
  }
  return removed;
}

function isReadOnly(mode: number): boolean {
  return (mode & 0o222) === 0;
}

/** 'replaced' (atomic rename) or 'in place' (hard-linked file) */
/**
 * Why `file` could not be written now, checked without writing: not a regular file, read-only
 * (without forceReadonly), changed on disk since it was read, or its directory (or, hard-linked,
 * itself) not writable. Undefined when a write would be tried. For a group of files that must be
 * written all or none (a helper and the races that pass it a signal), each is asked first.
 */
export function writeProblem(file: string, expectedOriginal?: Buffer, options: WriteOptions = {}): string | undefined {
  try {
    const target = fs.realpathSync(file);
    const stat = fs.statSync(target);
    if (!stat.isFile()) return 'not a regular file';
    if (isReadOnly(stat.mode) && !options.forceReadonly) return `read-only file (mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')})`;
    if (expectedOriginal !== undefined && !fs.readFileSync(target).equals(expectedOriginal)) return 'the file changed on disk during the run';
    fs.accessSync(stat.nlink > 1 ? target : path.dirname(target), fs.constants.W_OK);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

export function writeFileAtomic(file: string, content: Buffer | string, expectedOriginal?: Buffer, options: WriteOptions = {}): 'replaced' | 'in place' {
  const target = fs.realpathSync(file);
  const stat = fs.statSync(target);
  if (!stat.isFile()) throw new WriteRefusal('not a regular file; not written');
  if (isReadOnly(stat.mode) && !options.forceReadonly) {
    throw new WriteRefusal(`read-only file (mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')}); not written — make it writable, or pass --force-readonly`);
  }
  // Someone (an editor, a formatter) changed the file since it was read: their edit wins.
  if (expectedOriginal !== undefined && !fs.readFileSync(target).equals(expectedOriginal)) {
    throw new WriteRefusal('the file changed on disk during the run; not overwritten');
  }
  if (stat.nlink > 1) {
    writeInPlace(target, content, expectedOriginal);
    return 'in place';
  }
  const temp = tempFileFor(target);
  let fd: number | undefined;
  try {
    // a file of this name can only be litter of an earlier process with this pid
    fs.rmSync(temp, { force: true });
    fd = fs.openSync(temp, 'wx', stat.mode & 0o7777);
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    keepOwner(temp, stat);
    // The umask may have narrowed the mode given to open(); chown may have cleared set-id bits.
    fs.chmodSync(temp, stat.mode & 0o7777);
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already closed
      }
    }
    try {
      fs.unlinkSync(temp);
    } catch {
      // never created
    }
    throw error;
  }
  return 'replaced';
}

// Only root (or the owner, for the group) may give a file away: otherwise the new file is ours, as
// any editor's save would make it.
function keepOwner(file: string, stat: fs.Stats): void {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  if (uid === undefined || (stat.uid === uid && stat.gid === (process.getgid?.() ?? stat.gid))) return;
  try {
    fs.chownSync(file, stat.uid, stat.gid);
  } catch {
    try {
      fs.chownSync(file, uid, stat.gid);
    } catch {
      // not permitted: the file keeps this process's owner and group
    }
  }
}

function writeInPlace(target: string, content: Buffer | string, expectedOriginal: Buffer | undefined): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const fd = fs.openSync(target, 'r+');
  try {
    if (expectedOriginal !== undefined) {
      const now = Buffer.alloc(fs.fstatSync(fd).size);
      fs.readSync(fd, now, 0, now.length, 0);
      if (!now.equals(expectedOriginal)) throw new WriteRefusal('the file changed on disk during the run; not overwritten');
    }
    fs.writeSync(fd, bytes, 0, bytes.length, 0);
    fs.ftruncateSync(fd, bytes.length);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
