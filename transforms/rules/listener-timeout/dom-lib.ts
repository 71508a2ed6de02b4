// Whether the TypeScript project around a file has lib.dom, where `WebSocket`, `EventSource`,
// `BroadcastChannel`… are declared with `onX: … | null` handlers: the nearest tsconfig.json (its
// `extends` followed) lists `dom` in `lib`, or sets no `lib` at all (TypeScript's default has it).
// A Node project with `"lib": ["es2022"]` does not: `channel.onmessage = null` fails TS2322 there, or
// the class is not declared at all. 'unknown' when it cannot be told (the file not on disk, no
// tsconfig.json up to the repository root, an `extends` not found, a tsconfig that does not parse): the caller refuses then.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type DomLib = 'yes' | 'no' | 'unknown';

const cache = new Map<string, DomLib>();

function readJson(file: string): any {
  try {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    try {
      return JSON.parse(text);
    } catch {
      // tsconfig.json allows comments and trailing commas
      return JSON.parse(text.replace(/("(?:[^"\\\n]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match, string) => string ?? '').replace(/,(\s*[}\]])/g, '$1'));
    }
  } catch {
    return undefined;
  }
}

function nearestTsconfig(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, 'tsconfig.json');
    if (fs.existsSync(candidate)) return candidate;
    if (fs.existsSync(path.join(current, '.git')) || path.dirname(current) === current) return undefined;
  }
}

// the `lib` a tsconfig ends up with: its own, or the nearest base's; null when none sets one
function libOf(file: string, depth = 0): string[] | null | 'unknown' {
  const config = readJson(file);
  if (!config || depth > 5) return 'unknown';
  const own = config.compilerOptions?.lib;
  if (Array.isArray(own)) return own.map((entry: unknown) => String(entry).toLowerCase());
  if (own !== undefined) return 'unknown';
  const bases = Array.isArray(config.extends) ? config.extends : config.extends ? [config.extends] : [];
  let lib: string[] | null = null;
  for (const base of bases) {
    if (typeof base !== 'string') return 'unknown';
    const dir = path.dirname(file);
    const candidates = base.startsWith('.') || path.isAbsolute(base) ? [path.resolve(dir, base), path.resolve(dir, `${base}.json`)] : [path.join(dir, 'node_modules', base), path.join(dir, 'node_modules', base, 'tsconfig.json'), path.join(dir, 'node_modules', `${base}.json`)];
    const found = candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
    if (!found) return 'unknown';
    const inherited = libOf(found, depth + 1);
    if (inherited === 'unknown') return 'unknown';
    // a later base overrides an earlier one
    if (inherited !== null) lib = inherited;
  }
  return lib;
}

/** lib.dom in the project around `file`: its nearest tsconfig.json lists `dom`, or lists no lib */
export function domLibAround(file: string): DomLib {
  // a file not on disk (a source handed in as text): the tsconfig around some other path says nothing of it
  if (!fs.existsSync(path.resolve(file))) return 'unknown';
  const dir = path.dirname(path.resolve(file));
  const cached = cache.get(dir);
  if (cached) return cached;
  let answer: DomLib;
  try {
    const tsconfig = nearestTsconfig(dir);
    // no tsconfig.json found: which lib the file is checked with is not known
    const lib = tsconfig ? libOf(tsconfig) : 'unknown';
    answer = lib === 'unknown' ? 'unknown' : lib === null || lib.includes('dom') ? 'yes' : 'no';
  } catch {
    answer = 'unknown';
  }
  cache.set(dir, answer);
  return answer;
}
