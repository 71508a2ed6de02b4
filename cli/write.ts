// --write: a file is either left as it was or replaced whole. The new text goes to a temporary file
// in the same directory (same file system, so rename(2) is atomic) with the original's mode, then
// replaces the original; a failure at any step removes the temporary file and leaves the original.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeFileAtomic(file: string, content: Buffer | string, expectedOriginal?: Buffer): void {
  const stat = fs.statSync(file);
  // Someone (an editor, a formatter) changed the file since it was read: their edit wins.
  if (expectedOriginal !== undefined && !fs.readFileSync(file).equals(expectedOriginal)) {
    throw new Error('the file changed on disk during the run; not overwritten');
  }
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.forgotten-sender-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', stat.mode & 0o7777);
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // The umask may have narrowed the mode given to open().
    fs.chmodSync(temp, stat.mode & 0o7777);
    fs.renameSync(temp, file);
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
}
