// A helper made cancellable and the race that passes it a signal are written all or none: when
// the race's file cannot be written (read-only), the helper is left as it was too.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../cli/main';

const quiet = { write: () => true };

it('a read-only caller keeps its helper unwritten', async () => {
  const input = path.join(__dirname, 'cross-file', 'cancellable-helper', 'input');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fs-atomic-'));
  try {
    fs.cpSync(input, dir, { recursive: true });
    const before: Record<string, string> = {};
    for (const file of fs.readdirSync(dir, { recursive: true }) as string[]) if (fs.statSync(path.join(dir, file)).isFile()) before[file] = fs.readFileSync(path.join(dir, file), 'utf8');
    fs.chmodSync(path.join(dir, 'process.ts'), 0o444);
    let errors = '';
    let json = '';
    const code = await main(['--write', '--no-progress', dir], { stdout: quiet, stderr: { write: (chunk: string) => ((errors += chunk), true) }, cwd: process.cwd(), env: {} });
    expect(code).not.toBe(0);
    for (const [file, text] of Object.entries(before)) expect(fs.readFileSync(path.join(dir, file), 'utf8'), file).toBe(text);
    expect(errors).toContain('could not be written');
    // the fixes that did not land are not counted as fixed: they are still open
    await main(['--write', '--no-progress', '--json', dir], { stdout: { write: (chunk: string) => ((json += chunk), true) }, stderr: quiet, cwd: process.cwd(), env: {} });
    expect(JSON.parse(json).sites.filter((site: any) => site.status === 'fixed')).toEqual([]);
  } finally {
    fs.chmodSync(path.join(dir, 'process.ts'), 0o644);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
