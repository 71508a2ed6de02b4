// Command line of `forgotten-sender`. Flags it does not know are transform options, read the way
// jscodeshift reads them, so `--prefer-signal-timeout=true` reaches `options` under both runners.

export interface CliArgs {
  paths: string[];
  write: boolean;
  force: boolean;
  check: boolean;
  /** '-' for stdout, else a file path */
  json?: string;
  sarif?: string;
  only: string[];
  skip: string[];
  jobs?: number;
  color?: boolean;
  diff: boolean;
  /** skip the plain parse and run: every prefiltered file goes through recast and every transform */
  exact: boolean;
  progress?: boolean;
  maxFileSize: number;
  maxLineLength: number;
  help: boolean;
  version: boolean;
  transformOptions: Record<string, unknown>;
}

export const DEFAULT_MAX_FILE_SIZE = 512 * 1024;
export const DEFAULT_MAX_LINE_LENGTH = 10_000;

export class UsageError extends Error {}

function list(value: string): string[] {
  return value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function count(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (value === undefined || !Number.isInteger(number) || number < 0) throw new UsageError(`${flag} needs a whole number, got ${value ?? 'nothing'}`);
  return number;
}

// jscodeshift's reading of an unknown option value: JSON when it parses, else the string.
function optionValue(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    paths: [],
    write: false,
    force: false,
    check: false,
    only: [],
    skip: [],
    diff: true,
    exact: false,
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    maxLineLength: DEFAULT_MAX_LINE_LENGTH,
    help: false,
    version: false,
    transformOptions: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    // Options that take a value accept `--flag value` and `--flag=value`.
    const value = () => {
      if (inline !== undefined) return inline;
      const nextArg = argv[i + 1];
      if (nextArg === undefined || nextArg.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      i++;
      return nextArg;
    };
    switch (flag) {
      case '-h':
      case '--help':
        args.help = true;
        break;
      case '-V':
      case '--version':
        args.version = true;
        break;
      case '-w':
      case '--write':
        args.write = true;
        break;
      case '--dry':
      case '--dry-run':
        args.write = false;
        break;
      case '-f':
      case '--force':
        args.force = true;
        break;
      case '--check':
        args.check = true;
        break;
      case '--json':
        args.json = inline ?? '-';
        break;
      case '--sarif':
        args.sarif = inline ?? '-';
        break;
      case '--only':
        args.only.push(...list(value()));
        break;
      case '--skip':
        args.skip.push(...list(value()));
        break;
      case '-j':
      case '--jobs':
        args.jobs = Math.max(1, count(flag, value()));
        break;
      case '--color':
        args.color = true;
        break;
      case '--no-color':
        args.color = false;
        break;
      case '--exact':
        args.exact = true;
        break;
      case '--no-diff':
        args.diff = false;
        break;
      case '--progress':
        args.progress = true;
        break;
      case '--no-progress':
        args.progress = false;
        break;
      case '--max-file-size':
        args.maxFileSize = count(flag, value());
        break;
      case '--max-line-length':
        args.maxLineLength = count(flag, value());
        break;
      default: {
        if (!flag.startsWith('--') || flag.length < 3) throw new UsageError(`unknown option ${arg}`);
        const name = flag.replace(/^--(?:no-)?/, '');
        if (flag.startsWith('--no-')) args.transformOptions[name] = false;
        else if (inline !== undefined) args.transformOptions[name] = optionValue(inline);
        else args.transformOptions[name] = true;
      }
    }
  }
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}
