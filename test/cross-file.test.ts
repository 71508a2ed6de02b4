// Multi-file cases: a folder of files in (`test/cross-file/<case>/input`), the folder the CLI's
// --write must leave (`…/output`), byte for byte; a second run changes nothing; and the entry module
// (`process.*`) of input and output, run with the helpers they import, in the three scenarios: the
// same outcome, the input leaves a timer armed, the output none.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main';
import { runScenario, SCENARIOS } from './harness';

const ROOT = path.join(__dirname, 'cross-file');
const cases = fs.readdirSync(ROOT).filter((name) => fs.statSync(path.join(ROOT, name)).isDirectory());

function filesOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const relative of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, relative);
    if (fs.statSync(file).isFile()) files[relative.split(path.sep).join('/')] = fs.readFileSync(file, 'utf8');
  }
  return files;
}

const quiet = { write: () => true };

async function writeRun(dir: string): Promise<number> {
  return main(['--write', '--no-progress', dir], { stdout: quiet, stderr: quiet, cwd: process.cwd(), env: {} });
}

describe.each(cases)('cross-file %s', (name) => {
  const input = path.join(ROOT, name, 'input');
  const output = path.join(ROOT, name, 'output');

  it('--write turns the input folder into the output folder, and a second run changes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-cross-'));
    try {
      fs.cpSync(input, dir, { recursive: true });
      await writeRun(dir);
      expect(filesOf(dir)).toEqual(filesOf(output));
      await writeRun(dir);
      expect(filesOf(dir)).toEqual(filesOf(output));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // with a tsconfig of its own, the output type-checks under it (its lib and target)
  it.runIf(fs.existsSync(path.join(output, 'tsconfig.json')))('the output type-checks under the case\'s own tsconfig.json', () => {
    const configFile = path.join(output, 'tsconfig.json');
    const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configFile, ts.sys.readFile).config, ts.sys, output);
    const program = ts.createProgram(parsed.fileNames, { ...parsed.options, noEmit: true, types: [] });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(problems).toEqual([]);
  });

  const entry = Object.keys(filesOf(input)).find((file) => /^process\.[cm]?[jt]s$/.test(file))!;
  it.each(SCENARIOS)('%s: the same outcome; the input leaves a timer armed, the output none', async (scenario) => {
    const before = await runScenario(fs.readFileSync(path.join(input, entry), 'utf8'), path.join(input, entry), scenario);
    const after = await runScenario(fs.readFileSync(path.join(output, entry), 'utf8'), path.join(output, entry), scenario);
    expect(after.outcome).toEqual(before.outcome);
    if (scenario !== 'timeout wins') expect(before.armedAfterSettle).toBeGreaterThan(0);
    expect(after.armedAfterSettle).toBe(0);
  });
});
