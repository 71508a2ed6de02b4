// A sleep helper that takes an abort controller typed as a class of its own project (bullmq's
// `delay(ms, abortController?: AbortController)` with `import { AbortController } from
// '../classes/abort-controller'`): the race's global AbortController need not be assignable to it, so
// the race is reported, not given one (a first run on bullmq added two TS2345 errors).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main';

const files: Record<string, string> = {
  'abort-controller.ts': "export class AbortController {\n  readonly signal = new EventTarget();\n  abort(): void {\n    this.signal.dispatchEvent(new Event('abort'));\n  }\n}\n",
  'utils.ts': [
    "import { AbortController } from './abort-controller';",
    '',
    'export function delay(ms: number, abortController?: AbortController): Promise<void> {',
    '  return new Promise((resolve) => {',
    '    let timeout: ReturnType<typeof setTimeout> | undefined;',
    '    const callback = () => {',
    "      abortController?.signal.removeEventListener('abort', callback);",
    '      clearTimeout(timeout);',
    '      resolve();',
    '    };',
    '    timeout = setTimeout(callback, ms);',
    "    abortController?.signal.addEventListener('abort', callback);",
    '  });',
    '}',
    '',
  ].join('\n'),
  'process.ts': [
    "import { delay } from './utils';",
    '',
    'export async function process(close: () => Promise<void>): Promise<string> {',
    '  return Promise.race([',
    "    close().then(() => 'closed'),",
    "    delay(5000).then(() => 'timeout'),",
    '  ]);',
    '}',
    '',
  ].join('\n'),
};

describe('a sleep helper taking a controller of its own project', () => {
  it('is not handed the global AbortController: nothing is written, and the race is reported', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-own-controller-'));
    try {
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
      let out = '';
      const stdout = { write: (chunk: string) => ((out += chunk), true) };
      await main(['--write', '--no-progress', '--json', dir], { stdout, stderr: { write: () => true }, cwd: process.cwd(), env: {} });
      for (const [name, text] of Object.entries(files)) expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(text);
      expect(out).toMatch(/delay/);
      expect(out).not.toMatch(/"status":\s*"fixed"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
