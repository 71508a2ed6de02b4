// V8 grows the heap lazily: with the garbage of a few recast trees (short-lived, up to a hundred MB
// each for a large file) still around, it expands rather than collects, and the process peaks at
// about twice the memory it needs. A full collection before a large file, or after every megabyte of
// parsed source, keeps the peak near one tree; each costs a few milliseconds (the live heap is small).
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

const LARGE_FILE_BYTES = 64 * 1024;
const COLLECT_EVERY_BYTES = 1024 * 1024;

let collect: (() => void) | undefined;
let garbageBytes = 0;

function collectNow(): void {
  if (collect === undefined) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
  garbageBytes = 0;
}

export function beforeFile(bytes: number): void {
  if (garbageBytes > 0 && (bytes >= LARGE_FILE_BYTES || garbageBytes >= COLLECT_EVERY_BYTES)) collectNow();
}

/** `bytes` of source went through recast; its tree is garbage now */
export function afterFile(bytes: number): void {
  garbageBytes += bytes;
}
