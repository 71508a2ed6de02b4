// The SARIF that code scanning gets, checked by Microsoft's SARIF validator (the Sarif.Multitool of
// the @microsoft/sarif-multitool devDependency, a self-contained binary) with its GitHub rules and
// its SARIF rules, and by hand for what the validator cannot know (levels, paths from the root).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempDir, removeTempDirs } from './harness';
import { cli, gitRepo, LEAK, REFUSED, SAFE } from './support/cli';

afterEach(removeTempDirs);

function validator(): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  try {
    const binary = path.join(path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json')), 'Sarif.Multitool');
    // npm may not have run its postinstall `chmod u+x`
    if ((fs.statSync(binary).mode & 0o100) === 0) fs.chmodSync(binary, 0o755);
    return binary;
  } catch {
    return undefined;
  }
}

function repository() {
  const dir = gitRepo({ 'src/leak.js': LEAK, 'src/with space/refused.js': REFUSED, 'src/safe.js': SAFE, 'src/broken.ts': 'Promise.race([setTimeout(f, 1), ;\n' });
  const outside = createTempDir('forgotten-sender-sarif-outside-', { 'elsewhere.js': REFUSED });
  return { dir, outside: path.join(outside, 'elsewhere.js') };
}

describe('--sarif', () => {
  it('--json a.json --sarif b.sarif writes two valid files, and the SARIF passes the validator\'s GitHub rules', async () => {
    const { dir, outside } = repository();
    const result = await cli(['--json', 'a.json', '--sarif', 'b.sarif', 'src', outside], dir);
    expect(result.code).toBe(2);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'a.json'), 'utf8'));
    expect(json.sites.length).toBeGreaterThan(0);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'b.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');

    const binary = validator();
    if (binary === undefined) {
      console.warn(`SARIF validator not available on ${process.platform}-${process.arch}: only the hand-written checks ran`);
      return;
    }
    const validate = (file: string): string[] => {
      const log = path.join(os.tmpdir(), `forgotten-sender-validation-${process.pid}.sarif`);
      const run = spawnSync(binary, ['validate', '--rule-kind', 'Gh;Sarif', file, '--output', log, '--log', 'ForceOverwrite'], { encoding: 'utf8', env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const validation = JSON.parse(fs.readFileSync(log, 'utf8'));
      fs.rmSync(log, { force: true });
      return validation.runs[0].results.map((finding: { ruleId: string; message: { text?: string; arguments?: string[] } }) => `${finding.ruleId}: ${finding.message.text ?? finding.message.arguments?.join(' | ')}`);
    };
    expect(validate(path.join(dir, 'b.sarif'))).toEqual([]);
    // the GitHub rules are on: a rule without help and a result without a location fail them (GH2012, GH1015)
    sarif.runs[0].tool.driver.rules[0].help = undefined;
    sarif.runs[0].results[0].locations = [];
    fs.writeFileSync(path.join(dir, 'bad.sarif'), JSON.stringify(sarif));
    const bad = validate(path.join(dir, 'bad.sarif'));
    expect(bad, bad.join('\n')).toEqual(expect.arrayContaining([expect.stringMatching(/^GH2012: runs\[0\].tool.driver.rules\[0\]/), expect.stringMatching(/^GH1015: runs\[0\].results\[0\]/)]));
  });

  it('levels follow severity, notes only with --notes; paths from the repository root; fingerprints; absolute help URIs', async () => {
    const { dir, outside } = repository();
    // run from a subdirectory: the paths are still from the repository root
    const read = async (argv: string[]) => {
      await cli(['--sarif=out.sarif', ...argv, '.', outside], path.join(dir, 'src'));
      return JSON.parse(fs.readFileSync(path.join(dir, 'src', 'out.sarif'), 'utf8')).runs[0];
    };
    const run = await read([]);
    const homepage = (require('../package.json') as { homepage: string }).homepage.replace(/#.*/, '');
    expect(run.tool.driver.informationUri).toBe(homepage);
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toBe(`${homepage}#${rule.id}`);
      expect(rule.fullDescription.text.length).toBeGreaterThan(rule.shortDescription.text.length);
      expect(rule.help.text).toContain(`--only ${rule.id}`);
      expect(rule.help.markdown).toContain(`](${homepage}#${rule.id})`);
    }
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${fs.realpathSync(dir)}/`);
    const summary = run.results.map((result: any) => [result.ruleId, result.level, result.locations[0].physicalLocation.artifactLocation]);
    expect(summary).toEqual([
      ['race-timeout', 'error', { uri: `file://${fs.realpathSync(outside)}` }],
      ['race-timeout', 'error', { uri: 'src/leak.js', uriBaseId: '%SRCROOT%' }],
      ['race-timeout', 'error', { uri: 'src/with%20space/refused.js', uriBaseId: '%SRCROOT%' }],
    ]);
    for (const result of run.results) expect(result.partialFingerprints['forgottenSenderSite/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(run.results[2].message.text).toBe('Promise.race timeout: the timer callback does more than settle the timeout promise, and clearing the timer would skip that work. Move the extra work after the race, then clear the timer in .finally() on the race.');
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'src/broken.ts', uriBaseId: '%SRCROOT%' });
    const withNotes = await read(['--notes']);
    expect(withNotes.results.filter((result: any) => result.level === 'note').map((result: any) => result.locations[0].physicalLocation.artifactLocation.uri)).toEqual(['src/safe.js']);
  });
});
