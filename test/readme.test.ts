// The README's transform table is generated from transforms/registry.ts, the same list all.ts and
// the CLI read, so the three never disagree. `UPDATE_README=1 npx vitest run test/readme.test.ts` regenerates it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../transforms/registry';

const README = join(__dirname, '..', 'README.md');
const TABLE = /(<!-- transforms:start[^\n]*-->\n)[\s\S]*?(<!-- transforms:end -->)/;

function renderTable(): string {
  const rows = registry.map((codemod) => `| [\`${codemod.name}\`](#${codemod.name}) | ${codemod.summary} |`);
  return ['| transform | what it does |', '|---|---|', ...rows, ''].join('\n');
}

describe('README', () => {
  let readme = readFileSync(README, 'utf8');
  if (process.env.UPDATE_README === '1' && process.env.CI !== 'true') {
    readme = readme.replace(TABLE, (_all, start: string, end: string) => `${start}${renderTable()}${end}`);
    writeFileSync(README, readme);
  }

  it('lists every registered transform, from the registry', () => {
    const table = TABLE.exec(readme);
    expect(table).not.toBeNull();
    expect(table![0]).toContain(renderTable());
  });

  it.each(registry.map((codemod) => codemod.name))('has a section, a run line and a diff for %s', (name) => {
    const section = readme.split(/^### /m).find((part) => part.startsWith(`${name}\n`));
    expect(section, `### ${name}`).toBeDefined();
    expect(section).toContain(`npx jscodeshift -t transforms/${name}.ts --dry --print <path>`);
    expect(section).toContain('```diff');
  });

  it('gives the two commands after cloning on its first screen', () => {
    const firstScreen = readme.split('\n').slice(0, 25).join('\n');
    expect(firstScreen).toContain('npm install && npm start');
    expect(firstScreen).toContain('npm test');
  });
});
