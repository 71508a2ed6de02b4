// One run of the user's test command with the tracker preloaded in every Node process it starts
// (NODE_OPTIONS reaches the runner's workers and child processes), its output passed through.
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { pathToFileURL } from 'node:url';
import { parseTestCounts, type TestCounts } from './test-counts';

export interface Sink {
  write(text: string | Uint8Array): unknown;
}

export interface RunOutcome {
  /** the exit code; null when a signal ended the command */
  exitCode: number | null;
  signal: string | null;
  /** undefined when the output held no summary this can read */
  tests: TestCounts | undefined;
}

export class CommandError extends Error {}

export interface RunOptions {
  command: readonly string[];
  cwd: string;
  env: Record<string, string | undefined>;
  trackerPath: string;
  /** the tracker writes <reportBase>.<pid>.json, one per process */
  reportBase: string;
  stdout: Sink;
  stderr: Sink;
}

export function trackerEnv(env: Record<string, string | undefined>, trackerPath: string, reportBase: string): Record<string, string | undefined> {
  // a file URL: no space or quote in a path can split NODE_OPTIONS
  const preload = `--import=${pathToFileURL(trackerPath).href}`;
  return {
    ...env,
    NODE_OPTIONS: env.NODE_OPTIONS ? `${env.NODE_OPTIONS} ${preload}` : preload,
    FORGOTTEN_SENDER_TRACK_REPORT: reportBase,
    // the test output stays the runner's own: no report path printed by each process
    FORGOTTEN_SENDER_TRACK_QUIET: '1',
  };
}

export function runTests(options: RunOptions): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    const [program, ...args] = options.command;
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: trackerEnv(options.env, options.trackerPath, options.reportBase),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const pass = (stream: NodeJS.ReadableStream, sink: Sink) => {
      const decoder = new StringDecoder('utf8');
      stream.on('data', (chunk: Buffer) => {
        output.push(decoder.write(chunk));
        sink.write(chunk);
      });
    };
    pass(child.stdout, options.stdout);
    pass(child.stderr, options.stderr);
    child.on('error', (error) => reject(new CommandError(`cannot start ${program}: ${error.message}`)));
    child.on('close', (exitCode, signal) => resolve({ exitCode, signal, tests: parseTestCounts(output.join('')) }));
  });
}
