// Multi-file cases the CLI must leave as they are: a helper imported from another file whose timer
// can neither be inlined at the race nor given a signal at its definition, for a reason that only
// the other files show. Each case is a folder written here, run with --write: every file stays
// byte for byte, and the race is reported with that reason.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main';

const PACKAGE = '{"type":"module","private":true}\n';
// a helper that chooses its promise at each call: it cannot be inlined, only upgraded
const LOGGING_DELAY = "export const delay = (ms: number): Promise<void> =>\n  ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : new Promise<void>(() => undefined);\n";
const RACE = "import { delay } from './delay.js';\n\nexport async function run(work: Promise<string>): Promise<string | void> {\n  return await Promise.race([work, delay(100)]);\n}\n";

interface Case {
  files: Record<string, string>;
  /** in the reason the race is reported with */
  reason: string;
}

const cases: Record<string, Case> = {
  // CommonJS: the export is read only where the module writes it once, at its top level
  'a CommonJS module writes its export again inside a function': {
    files: {
      'delay.js': "exports.delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n\nexports.useInstantDelay = () => {\n  exports.delay = () => Promise.resolve();\n};\n",
      'process.js': "const { delay } = require('./delay');\n\nexports.run = (work) => Promise.race([work, delay(100)]);\n",
    },
    reason: 'is not a timer this transform can see into',
  },
  'a CommonJS module replaces its exports after naming the helper': {
    files: {
      'delay.js': "exports.delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n\nmodule.exports = { delay: (ms) => Promise.resolve(ms) };\n",
      'process.js': "const { delay } = require('./delay');\n\nexports.run = (work) => Promise.race([work, delay(100)]);\n",
    },
    reason: 'is not a timer this transform can see into',
  },
  'a CommonJS module exports a var before it is assigned': {
    files: {
      'delay.js': "exports.delay = impl;\nvar impl = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n",
      'process.js': "const { delay } = require('./delay');\n\nexports.run = (work) => Promise.race([work, delay(100)]);\n",
    },
    reason: 'is not a timer this transform can see into',
  },
  'a CommonJS module exports a const declared below it': {
    files: {
      'delay.js': "module.exports = { delay };\nconst delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n",
      'process.js': "const { delay } = require('./delay');\n\nexports.run = (work) => Promise.race([work, delay(100)]);\n",
    },
    reason: 'is not a timer this transform can see into',
  },
  'a CommonJS module writes its exports through the top-level this': {
    files: {
      'delay.js': "exports.delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\nthis.delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms * 10));\n",
      'process.js': "const { delay } = require('./delay');\n\nexports.run = (work) => Promise.race([work, delay(100)]);\n",
    },
    reason: 'is not a timer this transform can see into',
  },
  'a CommonJS object literal names the helper twice, the method last': {
    files: {
      'delay.js': "const fast = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\nmodule.exports = {\n  delay: fast,\n  delay(ms) {\n    return new Promise((resolve) => setTimeout(resolve, ms * 10));\n  },\n};\n",
      'process.js': "const { delay } = require('./delay');\n\nexports.run = (work) => Promise.race([work, delay(100)]);\n",
    },
    reason: 'is not a timer this transform can see into',
  },
  'an ES module imports a name its CommonJS module does not declare where Node looks': {
    files: {
      'delay.cjs': "module.exports = { delay: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };\n",
      'process.mjs': "import { delay } from './delay.cjs';\n\nexport const run = (work) => Promise.race([work, delay(100)]);\n",
    },
    reason: 'another file, which this run cannot see into',
  },
  'a CommonJS module is written through Object.assign': {
    files: {
      'delay.js': "const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n\nmodule.exports = delay;\nObject.assign(module.exports, { delay: () => Promise.resolve() });\n",
      'process.js': "const { delay } = require('./delay');\n\nexports.run = (work) => Promise.race([work, delay(100)]);\n",
    },
    reason: 'is not a timer this transform can see into',
  },
  'a caller imports the module with import()': {
    files: {
      'package.json': PACKAGE,
      'delay.ts': LOGGING_DELAY,
      'process.ts': RACE,
      'other.ts': "export async function staggered(): Promise<void> {\n  const { delay } = await import('./delay.js');\n  await Promise.all([10, 20].map(delay));\n}\n",
    },
    reason: 'imports its module with `import()`',
  },
  'a barrel re-exports the helper under another name': {
    files: {
      'package.json': PACKAGE,
      'delay.ts': LOGGING_DELAY,
      'process.ts': RACE,
      'index.ts': "export { delay as pause } from './delay.js';\n",
      'other.ts': "import { pause } from './index.js';\n\nexport const waits = (): Promise<void[]> => Promise.all([10, 20].map(pause));\n",
    },
    reason: 're-exports it as `pause`',
  },
  'a caller imports a barrel of its module whole': {
    files: {
      'package.json': PACKAGE,
      'delay.ts': LOGGING_DELAY,
      'process.ts': RACE,
      'lib.ts': "export * from './delay.js';\n",
      'other.ts': "import * as timers from './lib.js';\n\nexport const waits = (): Promise<void[]> => Promise.all([10, 20].map(timers.delay));\n",
    },
    reason: "imports its module whole (`* as timers`)",
  },
  'an instance of the helper method\'s class is exported': {
    files: {
      'package.json': PACKAGE,
      'process.ts': "class Searcher {\n  pause(ms = 20): Promise<void> {\n    return ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : new Promise<void>(() => undefined);\n  }\n\n  find(work: Promise<string>): Promise<string | void> {\n    return Promise.race([work, this.pause()]);\n  }\n}\n\nexport const searcher = new Searcher();\n",
      'other.ts': "import { searcher } from './process.js';\n\nexport const waits = (): Promise<void[]> => Promise.all([10, 20].map(searcher.pause));\n",
    },
    reason: 'instances are kept or handed on',
  },
  'the helper reads arguments': {
    files: {
      'package.json': PACKAGE,
      'delay.ts': "export function delay(ms: number, label?: string): Promise<string> {\n  return new Promise((resolve) => setTimeout(() => resolve(arguments.length > 1 ? label! : 'default'), ms));\n}\n",
      'process.ts': "import { delay } from './delay.js';\n\nexport async function run(work: Promise<string>): Promise<string> {\n  return await Promise.race([work, delay(100)]);\n}\n",
    },
    reason: 'it reads `arguments`, which would count the new parameter',
  },
  'the helper is cast to a type of its own': {
    files: {
      'package.json': PACKAGE,
      'delay.ts': "type Sleep = (ms: number) => Promise<void>;\n\nexport const delay = ((ms: number) =>\n  new Promise<void>((resolve) => setTimeout(() => {\n    console.log('tick');\n    resolve();\n  }, ms))) as Sleep;\n",
      'process.ts': RACE,
    },
    reason: 'it is cast to a type of its own',
  },
  'the helper returns a type of its own file': {
    files: {
      'package.json': PACKAGE,
      'delay.ts': "type Tick = void;\n\nexport const delay = (ms: number): Promise<Tick> => new Promise((resolve) => setTimeout(resolve, ms));\n",
      'process.ts': RACE,
    },
    reason: 'its return type `Tick` names a type of its own file',
  },
  'a TypeScript helper raced in a JavaScript file': {
    files: {
      'package.json': PACKAGE,
      'delay.ts': 'export const delay = (ms: number): Promise<void> => new Promise<void>((resolve: () => void) => setTimeout(resolve, ms as number));\n',
      'process.js': "import { delay } from './delay';\n\nexport async function run(work) {\n  return await Promise.race([work, delay(100)]);\n}\n",
    },
    reason: 'it is TypeScript, whose annotations would not parse in this JavaScript file',
  },
  // a helper another file replaces: inlined, the race would escape the replacement
  'a test mocks the helper\'s module (jest.mock)': {
    files: {
      'package.json': '{"private":true}\n',
      'delay.js': "function delay(ms) {\n  return new Promise((resolve) => setTimeout(resolve, ms));\n}\n\nmodule.exports = { delay };\n",
      'process.js': "const { delay } = require('./delay');\n\nexports.run = (work) => Promise.race([work, delay(100)]);\n",
      'process.test.js': "jest.mock('./delay', () => ({ delay: () => Promise.resolve() }));\n",
    },
    reason: "another file replaces it (`jest.mock('./delay')` in",
  },
  'a test stubs the helper (sinon.stub)': {
    files: {
      'package.json': '{"private":true}\n',
      'delay.js': "exports.delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n",
      'process.js': "const { delay } = require('./delay');\n\nexports.run = (work) => Promise.race([work, delay(100)]);\n",
      'process.test.js': "const sinon = require('sinon');\nconst helpers = require('./delay');\nsinon.stub(helpers, 'delay').resolves();\n",
    },
    reason: 'another file replaces it',
  },
  'a test writes the helper on its module (utils.delay = fake)': {
    files: {
      'package.json': '{"private":true}\n',
      'delay.js': "exports.delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n",
      'process.js': "const { delay } = require('./delay');\n\nexports.run = (work) => Promise.race([work, delay(100)]);\n",
      'setup.js': "const helpers = require('./delay');\nhelpers.delay = () => Promise.resolve();\n",
    },
    reason: 'another file replaces it',
  },
  'a test mocks the module the race imports the helper through (an index re-exporting it)': {
    files: {
      'package.json': PACKAGE,
      'delay.js': "export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n",
      'index.js': "export { delay } from './delay.js';\n",
      'process.js': "import { delay } from './index.js';\n\nexport const run = (work) => Promise.race([work, delay(100)]);\n",
      'process.test.js': "vi.mock(import('./index.js'), () => ({ delay: async () => 'mocked' }));\n",
    },
    reason: "another file replaces it (`vi.mock(import('./index.js')` in",
  },
  'a test mocks the helper through an alias this does not resolve (@/delay.js)': {
    files: {
      'package.json': PACKAGE,
      'delay.js': "export const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n",
      'process.js': "import { delay } from './delay.js';\n\nexport const run = (work) => Promise.race([work, delay(100)]);\n",
      'process.test.js': "vi.mock('@/delay.js', () => ({ delay: async () => 'mocked' }));\n",
    },
    reason: "another file replaces it (`vi.mock('@/delay.js')` in",
  },
  'a test in a folder named build, below the root, mocks the helper': {
    files: {
      'package.json': '{"private":true}\n',
      'src/delay.js': "exports.delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\n",
      'src/process.js': "const { delay } = require('./delay');\n\nexports.run = (work) => Promise.race([work, delay(100)]);\n",
      'src/build/process.test.js': "jest.mock('../delay', () => ({ delay: () => Promise.resolve() }));\n",
    },
    reason: "another file replaces it (`jest.mock('../delay')` in",
  },
  // CommonJS: an export that may not be there yet when the requirer reads it
  'a CommonJS helper module requires its requirer back (a cycle)': {
    files: {
      'delay.js': "const processor = require('./process');\nfunction delay(ms) {\n  return new Promise((resolve) => setTimeout(resolve, ms));\n}\nexports.delay = delay;\nexports.run = () => processor.run(Promise.resolve('work'));\n",
      'process.js': "const { delay } = require('./delay');\n\nexports.run = (work) => Promise.race([work, delay(100)]);\n",
    },
    reason: 'is not a timer this transform can see into',
  },
  'a CommonJS helper module may return before its export': {
    files: {
      'delay.js': "if (typeof window === 'undefined') return;\nfunction delay(ms) {\n  return new Promise((resolve) => setTimeout(resolve, ms));\n}\nexports.delay = delay;\n",
      'process.js': "const { delay } = require('./delay');\n\nexports.run = (work) => Promise.race([work, delay(100)]);\n",
    },
    reason: 'is not a timer this transform can see into',
  },
  'a CommonJS helper reads its own module\'s __filename': {
    files: {
      'delay.js': "module.exports = (ms) => new Promise((resolve) => setTimeout(resolve, ms, __filename));\n",
      'process.js': "const delay = require('./delay');\n\nexports.run = (work) => Promise.race([work, delay(100)]);\n",
    },
    reason: "it uses `__filename`, which is its own module's",
  },
  'a TypeScript helper names a type of its own file in its body': {
    files: {
      'delay.ts': "type Tick = void;\nexport const delay = (ms: number) => new Promise<Tick>((resolve) => setTimeout(resolve, ms));\n",
      'process.ts': "import { delay } from './delay';\n\nexport async function run(work: Promise<string>): Promise<string | void> {\n  return Promise.race([work, delay(10)]);\n}\n",
    },
    reason: 'it names `Tick`, a type of its own file',
  },
};

const quiet = { write: () => true };

describe.each(Object.entries(cases))('cross-file refusal: %s', (_name, { files, reason }) => {
  it('--write leaves every file as it was, and the race is reported with that reason', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-refusal-'));
    try {
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
      }
      let json = '';
      await main(['--write', '--no-progress', '--json', dir], { stdout: { write: (chunk: string) => ((json += chunk), true) }, stderr: quiet, cwd: process.cwd(), env: {} });
      for (const [file, text] of Object.entries(files)) expect(fs.readFileSync(path.join(dir, file), 'utf8'), file).toBe(text);
      const sites = JSON.parse(json).sites.filter((site: any) => site.transform === 'race-timeout');
      expect(sites.map((site: any) => site.reason).join('\n')).toContain(reason);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
