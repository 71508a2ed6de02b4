// Our own typed harness: jscodeshift's testUtils need Jest globals and pass no `api.report`.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import jscodeshift from 'jscodeshift';
import type { API, FileInfo, Options } from 'jscodeshift';
import ts from 'typescript';

export type Transform = (file: FileInfo, api: API, options: Options) => string | undefined | null;

export const FIXTURES_ROOT = resolve(__dirname, '..', '__testfixtures__');

export interface TransformResult {
  output: string | undefined | null;
  reports: string[];
}

export function applyTransform(transform: Transform, path: string, source: string, options: Options = {}): TransformResult {
  const reports: string[] = [];
  const api: API = {
    j: jscodeshift,
    jscodeshift,
    stats: () => undefined,
    report: (message: string) => reports.push(message),
  };
  const output = transform({ path, source }, api, options);
  return { output, reports };
}

export interface BothOrders {
  /** the input after `first` alone (the input itself when `first` leaves it alone) */
  afterFirst: string;
  /** `first`, then `second`: the order all.ts runs them in */
  combined: string;
  /** `second`, then `first` */
  reversed: string;
}

// all.ts runs the transforms in one order, but a user may run them one by one in any: a pair must compose both ways.
export function composeBothOrders(first: Transform, second: Transform, path: string, input: string): BothOrders {
  const afterFirst = applyTransform(first, path, input).output ?? input;
  const combined = applyTransform(second, path, afterFirst).output ?? afterFirst;
  const afterSecond = applyTransform(second, path, input).output ?? input;
  const reversed = applyTransform(first, path, afterSecond).output ?? afterSecond;
  return { afterFirst, combined, reversed };
}

export interface FixtureCase {
  transform: string;
  /** `<case>.options.json`: the options the case runs with (as `--name=value` would give) */
  options: Record<string, unknown>;
  /** file name without `.input.<ext>` */
  name: string;
  ext: string;
  inputPath: string;
  /** absent for `skip-*` negatives: their output is their input */
  outputPath: string | undefined;
  isNegative: boolean;
}

// Fixtures are discovered, not listed: adding a case is adding two files.
export function listFixtureCases(transform: string): FixtureCase[] {
  const dir = join(FIXTURES_ROOT, transform);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => /\.input\.[cm]?[jt]sx?$/.test(file))
    .sort()
    .map((file) => {
      const [, name, ext] = /^(.*)\.input\.([cm]?[jt]sx?)$/.exec(file)!;
      const outputFile = join(dir, `${name}.output.${ext}`);
      const optionsFile = join(dir, `${name}.options.json`);
      return {
        transform,
        options: existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Record<string, unknown>) : {},
        name,
        ext,
        inputPath: join(dir, file),
        outputPath: existsSync(outputFile) ? outputFile : undefined,
        isNegative: name.startsWith('skip-'),
      };
    });
}

export function listFixtureTransforms(): string[] {
  if (!existsSync(FIXTURES_ROOT)) return [];
  return readdirSync(FIXTURES_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

// The `path:line:col` a fixture's reports carry: relative to the fixture folder, so expectations stay short.
export function fixtureDisplayPath(fixture: FixtureCase): string {
  return `${fixture.name}.input.${fixture.ext}`;
}

/* ---------------------------------------------------------------------------------------------
 * Execution: run a fixture's code with its free variables (the work, `fetch`, timers) supplied by
 * the test, and count what it leaves behind.
 * ------------------------------------------------------------------------------------------- */

type Handle = ReturnType<typeof setTimeout>;

// Counts timers the fixture armed and has not cleared or fired. Unlike
// `process.getActiveResourcesInfo()` it also sees `.unref()`ed timers, which still pin their closures.
export class TimerLedger {
  readonly armed = new Set<Handle>();
  readonly pendingSleeps = new Set<Promise<unknown>>();
  armedCount(): number {
    return this.armed.size + this.pendingSleeps.size;
  }
  readonly setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle: Handle = setTimeout(
      (...callArgs: unknown[]) => {
        this.armed.delete(handle);
        callback(...callArgs);
      },
      ms,
      ...args,
    );
    this.armed.add(handle);
    return handle;
  }) as typeof setTimeout;
  readonly clearTimeout = ((handle: Handle | undefined) => {
    if (handle !== undefined) this.armed.delete(handle);
    clearTimeout(handle);
  }) as typeof clearTimeout;
  /** `setTimeout` of node:timers/promises, tracked until it settles */
  readonly sleep = <T>(ms?: number, value?: T, options?: { signal?: AbortSignal; ref?: boolean }): Promise<T> => {
    const promise = timersPromises.setTimeout(ms, value, options);
    this.pendingSleeps.add(promise);
    const forget = () => this.pendingSleeps.delete(promise);
    promise.then(forget, forget);
    // Node clears the underlying timer synchronously on abort; the promise itself settles a few ticks later.
    options?.signal?.addEventListener('abort', forget, { once: true });
    return promise;
  };
  constructor() {
    // `promisify(setTimeout)` of the platform gives node:timers/promises' setTimeout: so does ours
    Object.defineProperty(this.setTimeout, promisifyCustom, { value: this.sleep });
  }
  /** Disarm everything a leaky fixture left behind, so one test cannot slow or disturb the next. */
  async drain(): Promise<void> {
    for (const handle of this.armed) clearTimeout(handle);
    this.armed.clear();
    await Promise.allSettled([...this.pendingSleeps]);
  }
}

// A timer that fires only when the test calls fireAll: the test decides who wins a race, no real clock does.
export class ManualClock {
  private nextId = 1;
  readonly timers = new Map<number, () => void>();
  readonly setTimeout = (callback: (...args: unknown[]) => void, _ms?: number, ...args: unknown[]) => {
    const id = this.nextId++;
    this.timers.set(id, () => callback(...args));
    return id;
  };
  readonly clearTimeout = (id: number | undefined) => {
    if (id !== undefined) this.timers.delete(id);
  };
  fireAll(): void {
    for (const [id, fire] of [...this.timers]) {
      this.timers.delete(id);
      fire();
    }
  }
}

// Lets every pending promise job and stream step run: each round is a full turn of the event loop.
export async function flush(rounds = 5): Promise<void> {
  for (let round = 0; round < rounds; round += 1) await new Promise((resolve) => setImmediate(resolve));
}

const nodeRequire = createRequire(__filename);
const timersPromises = nodeRequire('node:timers/promises') as typeof import('node:timers/promises');
const promisifyCustom = (nodeRequire('node:util') as typeof import('node:util')).promisify.custom;

export function transpile(source: string, path: string): string {
  return ts.transpileModule(source, {
    fileName: path.replace(/\.(?:c|m)?(?:j|t)sx?$/, '.tsx'),
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      jsx: ts.JsxEmit.React,
      esModuleInterop: true,
    },
  }).outputText;
}

// Evaluates a fixture as a CommonJS module. `globals` shadow the real globals inside the fixture only
// (`search`, `fetch`, `setTimeout`, ...); `node:timers/promises` is replaced by the ledger's version.
export function loadModule(
  source: string,
  path: string,
  globals: Record<string, unknown>,
  ledger: TimerLedger,
  { realTimers = false }: { realTimers?: boolean } = {},
): Record<string, any> {
  const code = transpile(source, path);
  const module = { exports: {} as Record<string, any> };
  const fixtureRequire = (id: string) => {
    if (id === 'node:timers/promises' || id === 'timers/promises') {
      return { ...timersPromises, setTimeout: ledger.sleep, default: { ...timersPromises, setTimeout: ledger.sleep } };
    }
    // a fetch of a package: the test's own, as the global one is
    if (id === 'node-fetch') return { __esModule: true, default: globals.fetch };
    if (id === 'node:timers' || id === 'timers') {
      const real = nodeRequire(id);
      const tracked = { ...real, setTimeout: ledger.setTimeout, clearTimeout: ledger.clearTimeout };
      return { ...tracked, default: tracked };
    }
    // another file of the fixture's own folder (a multi-file case): loaded the same way, with the same timers
    if (id.startsWith('./') || id.startsWith('../')) {
      const base = join(dirname(path), id);
      const file = ['', '.ts', '.js', '/index.ts', '/index.js'].map((suffix) => base + suffix).find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
      if (!file) throw new Error(`${path}: cannot find ${id}`);
      return loadModule(readText(file), file, globals, ledger, { realTimers });
    }
    return nodeRequire(id);
  };
  const timerGlobal = Object.create(globalThis, {
    setTimeout: { value: ledger.setTimeout },
    clearTimeout: { value: ledger.clearTimeout },
  });
  // With real timers the fixture's timers are the process's own, visible to process.getActiveResourcesInfo().
  const timerNames = realTimers ? [] : ['setTimeout', 'clearTimeout', 'window', 'globalThis'];
  const timerValues = realTimers ? [] : [ledger.setTimeout, ledger.clearTimeout, timerGlobal, timerGlobal];
  const names = [...timerNames, ...Object.keys(globals)];
  const values = [...timerValues, ...Object.values(globals)];
  const run = new Function('exports', 'require', 'module', ...names, code);
  run(module.exports, fixtureRequire, module, ...values);
  return module.exports;
}

/* ---------------------------------------------------------------------------------------------
 * Work the test controls: it settles when the scenario says, never by a race of two sleeps.
 * ------------------------------------------------------------------------------------------- */

export type Scenario = 'work wins' | 'timeout wins' | 'work fails';
export const SCENARIOS: readonly Scenario[] = ['work wins', 'timeout wins', 'work fails'];

export const WORK_VALUE = 'some value';
export const WORK_ERROR_MESSAGE = 'search failed';

/*
 * A rejection of the work that nothing handles is part of what a fixture does (`work.then(resolve)`
 * drops it), so the tests count it instead of letting it reach vitest as an error of the run. The
 * one listener below takes the rejections whose reason is an error a Work made and hands every
 * other one to the listeners that were there before it.
 */
const errorsOfWork = new WeakMap<object, Work>();
let unhandledListenerInstalled = false;
function countUnhandledRejectionsOfWork(): void {
  if (unhandledListenerInstalled) return;
  unhandledListenerInstalled = true;
  const previous = process.listeners('unhandledRejection');
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', (reason, promise) => {
    const work = typeof reason === 'object' && reason !== null ? errorsOfWork.get(reason) : undefined;
    if (work) {
      work.unhandledRejections += 1;
      return;
    }
    for (const listener of previous) listener.call(process, reason, promise);
  });
}

export class Work {
  /** every AbortSignal handed to `fetch` */
  readonly signals: AbortSignal[] = [];
  calls = 0;
  /** rejections of this work's promises (or of promises derived from them) that nothing handled */
  unhandledRejections = 0;
  private readonly releases: Array<() => void> = [];
  constructor(readonly scenario: Scenario) {}

  private settle<T>(value: T, signal?: AbortSignal): Promise<T> {
    this.calls += 1;
    if (this.scenario === 'work wins') return Promise.resolve(value);
    if (this.scenario === 'work fails') {
      const error = new Error(WORK_ERROR_MESSAGE);
      countUnhandledRejectionsOfWork();
      errorsOfWork.set(error, this);
      return Promise.reject(error);
    }
    // timeout wins: the work hangs until the test releases it, or until its signal aborts (as fetch does)
    return new Promise<T>((resolve, reject) => {
      this.releases.push(() => resolve(value));
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }

  readonly search = (_term?: unknown): Promise<string> => this.settle(WORK_VALUE);

  readonly fetch = (_input: unknown, init?: { signal?: AbortSignal }): Promise<{ ok: boolean; status: number; text(): Promise<string> }> => {
    if (init?.signal) this.signals.push(init.signal);
    return this.settle({ ok: true, status: 200, text: async () => WORK_VALUE }, init?.signal);
  };

  /** lets a hung producer finish, as the article's search does after 200 ms */
  release(): void {
    for (const release of this.releases.splice(0)) release();
  }
}

export type Outcome =
  | { status: 'fulfilled'; value: unknown }
  | { status: 'rejected'; errorClass: string; name: unknown; message: unknown; isSameObjectAsThrown?: boolean };

export async function settle(promise: unknown): Promise<Outcome> {
  try {
    const value = await promise;
    return { status: 'fulfilled', value: typeof value === 'object' && value !== null && 'status' in value ? { status: (value as { status: unknown }).status } : value };
  } catch (error) {
    if (error instanceof Error) {
      return { status: 'rejected', errorClass: error.constructor.name, name: error.name, message: error.message };
    }
    return { status: 'rejected', errorClass: typeof error, name: undefined, message: error };
  }
}

export interface Run {
  outcome: Outcome;
  /** timers still armed right after the call settled */
  armedAfterSettle: number;
  /** signals handed to fetch, and whether each was aborted right after the call settled */
  abortedAfterSettle: boolean[];
  work: Work;
}

export function activeTimeouts(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
}

// Calls the fixture's exported `process(term)` — Listing 4's entry point — in one scenario.
// With `realTimers`, armedAfterSettle counts the process's active timers instead (relative to before the call).
export async function runScenario(source: string, path: string, scenario: Scenario, { entry = 'process', realTimers = false } = {}): Promise<Run> {
  const ledger = new TimerLedger();
  const work = new Work(scenario);
  const exports = loadModule(source, path, { search: work.search, fetch: work.fetch }, ledger, { realTimers });
  const before = activeTimeouts();
  const outcome = await settle(exports[entry]('term'));
  const armedAfterSettle = realTimers ? activeTimeouts() - before : ledger.armedCount();
  const abortedAfterSettle = work.signals.map((signal) => signal.aborted);
  work.release();
  await ledger.drain();
  return { outcome, armedAfterSettle, abortedAfterSettle, work };
}

export interface TimedRun {
  outcome: Outcome;
  /** timers still armed right after the call settled */
  armed: number;
}

// Calls Listing 4's `process('term')` with the work the test supplies in `globals`, on the real clock:
// its timers are the fixture's own (100 ms), so the test sees what the article's reader would.
export async function runListing4(source: string, path: string, globals: Record<string, unknown>): Promise<TimedRun> {
  const ledger = new TimerLedger();
  const module = loadModule(source, path, globals, ledger);
  const outcome = await settle(module.process('term'));
  const armed = ledger.armedCount();
  await ledger.drain();
  return { outcome, armed };
}

// The article's own numbers: search takes `searchMs`, process gives up after 100 ms.
export function runListing4WithSearchTaking(source: string, path: string, searchMs: number, extraGlobals: Record<string, unknown> = {}): Promise<TimedRun> {
  const search = (term: string) => new Promise<string>((resolve) => setTimeout(() => resolve(`some value for ${term}`), searchMs));
  return runListing4(source, path, { search, ...extraGlobals });
}

// One after the other, never together: on the real clock neither side's timers may delay the other's or be counted with them.
export async function runInputThenOutput<T>(fixture: FixtureCase, run: (source: string, path: string) => Promise<T>): Promise<{ before: T; after: T }> {
  const before = await run(readText(fixture.inputPath), fixture.inputPath);
  const after = await run(readText(fixture.outputPath!), fixture.outputPath!);
  return { before, after };
}

/* ---------------------------------------------------------------------------------------------
 * Files on disk, for the CLI: each test writes its own tree, and removeTempDirs (in an afterEach)
 * deletes every tree, pass or fail.
 * ------------------------------------------------------------------------------------------- */

const temporaryDirectories: string[] = [];

/** `files` maps a path relative to the new directory (folders are created) to its content */
export function createTempDir(prefix: string, files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporaryDirectories.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of temporaryDirectories.splice(0)) rmSync(dir, { recursive: true, force: true });
}
