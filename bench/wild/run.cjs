'use strict';
// npm run bench:wild [-- <snapshots dir>] [--out results.json] [--verbose]
//
// Scores the rules on real code: the timeout sites of bench/wild/manifest.json, each judged by
// reading it (leak or safe, and for a leak what a person may expect: a fix, or a refusal with one
// of the reasons that are true of it). Fetches nothing: the repositories' snapshots must be in the
// folder given (default ../.mirror, the `fetch` tool's), one bare git dir per repository at
// <dir>/<owner>+<name>/repo. Each listed file is read at its commit, in memory, and run through the
// rules (transforms/registry.ts) exactly as the CLI runs it. So that the rules read the project's
// settings as the CLI reads them from a checkout (tsconfig `lib` and `strict`, the formatter's width
// and trailing commas), the repository's config files at that commit — tsconfig*.json,
// jsconfig.json, package.json, Prettier, Biome and EditorConfig files — are written to a temporary
// folder with each listed file, and removed when the run ends; nothing is written anywhere else.
//
// Prints, for the leaking sites: fixed / refused with a true reason / refused with another reason /
// missed / called safe; for the correct sites: changed / flagged as a leak / unverified (a warning
// that says it cannot judge) / left alone; and the findings on sites the manifest does not list.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
require(path.join(ROOT, 'cli', 'register.cjs'));
const { registry } = require(path.join(ROOT, 'transforms', 'registry.ts'));
const { runRules } = require(path.join(ROOT, 'transforms', 'engine', 'run.ts'));
const { parseSource } = require(path.join(ROOT, 'transforms', 'engine', 'parse.ts'));
const { MODULE_BASE, MODULE_INDEX, ModuleIndex, REPLACES } = require(path.join(ROOT, 'transforms', 'model', 'modules.ts'));
const { HELPER_UPGRADES, callerProblem, upgradesIn } = require(path.join(ROOT, 'transforms', 'model', 'upgrade.ts'));

function parseArgs(argv) {
  const args = { dir: path.resolve(ROOT, '..', '.mirror'), out: undefined, verbose: false, manifest: path.join(__dirname, 'manifest.json') };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--out') args.out = argv[++index];
    else if (arg.startsWith('--out=')) args.out = arg.slice(6);
    else if (arg === '--verbose') args.verbose = true;
    else if (arg.startsWith('--manifest=')) args.manifest = path.resolve(arg.slice(11));
    else args.dir = path.resolve(arg);
  }
  return args;
}

// the files of the repository at that commit that name one of `words` (git grep) and may replace a
// function of another, with their text: the ModuleIndex reads them for `replacedElsewhere` (a
// test's `jest.mock(…)`, `sinon.stub(…)`), as the CLI reads the disk
function gitSearch(gitDir, commit, words) {
  const args = ['-C', gitDir, 'grep', '-l', '-w', ...words.flatMap((word) => ['-e', word]), commit, '--', '*.ts', '*.tsx', '*.mts', '*.cts', '*.js', '*.jsx', '*.mjs', '*.cjs'];
  const grep = spawnSync('git', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const files = grep.stdout.split('\n').filter(Boolean).map((line) => line.slice(commit.length + 1)).filter((file) => !/(^|\/)(node_modules|dist|build|coverage)\//.test(file) && !file.endsWith('.d.ts'));
  return [...gitRead(gitDir, commit, files)].map(([file, bytes]) => ({ file, text: bytes.toString('utf8') })).filter((each) => REPLACES.test(each.text));
}

// The blobs at `<commit>:<file>` for each of `files` that is one, read by one `git cat-file --batch`
// (`<sha> blob <size>\n<bytes>\n` each, or `<name> missing`): file → bytes.
function gitRead(gitDir, commit, files) {
  const batch = spawnSync('git', ['-C', gitDir, 'cat-file', '--batch'], { input: files.map((file) => `${commit}:${file}`).join('\n') + '\n', maxBuffer: 1024 * 1024 * 1024 });
  const out = batch.stdout;
  const read = new Map();
  let at = 0;
  for (const file of files) {
    const newline = out.indexOf(10, at);
    if (newline === -1) break;
    const header = out.subarray(at, newline).toString('utf8');
    at = newline + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) continue;
    const size = Number(match[2]);
    if (match[1] === 'blob') read.set(file, out.subarray(at, at + size));
    at += size + 1;
  }
  return read;
}

function gitHost(gitDir, commit) {
  return { read: (other) => gitShow(gitDir, commit, other.split(path.sep).join('/')), search: (_file, words) => gitSearch(gitDir, commit, words) };
}

// The config files of the repository at that commit, written under `dir` (with a `.git` folder
// there, so a search for configs stops at it as it would at a checkout's root).
const CONFIG_FILE = /(?:^|\/)(?:tsconfig[^/]*\.json|jsconfig\.json|package\.json|\.prettierrc(?:\.[a-z]+)?|prettier\.config\.[cm]?[jt]s|biome\.jsonc?|\.editorconfig)$/;
function writeConfigs(gitDir, commit, dir) {
  fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
  const listing = spawnSync('git', ['-C', gitDir, 'ls-tree', '-r', '--name-only', commit], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const files = listing.stdout.split('\n').filter((file) => CONFIG_FILE.test(file) && !/(^|\/)node_modules\//.test(file));
  for (const [file, bytes] of gitRead(gitDir, commit, files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), bytes);
  }
}

function gitShow(gitDir, commit, file) {
  const result = spawnSync('git', ['-C', gitDir, 'show', `${commit}:${file}`], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

// The claim a finding makes about its site: 'fixed', 'leak' (refused: it leaks, and why it is not
// fixed), 'unknown' (cannot judge from here), 'safe', 'crashed'.
function claimOf(finding) {
  if (finding.status === 'fixed') return 'fixed';
  if (finding.status === 'refused') return 'leak';
  if (finding.status === 'unknown') return 'unknown';
  if (finding.status === 'safe') return 'safe';
  return 'crashed';
}

// The verdict a site gets from its findings: a fix wins over a remark on the same site.
function verdictOf(findings) {
  const claims = findings.map(claimOf);
  for (const claim of ['crashed', 'fixed', 'leak', 'unknown', 'safe']) if (claims.includes(claim)) return claim;
  return 'none';
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const manifest = JSON.parse(fs.readFileSync(args.manifest, 'utf8'));
  const byFile = new Map();
  for (const site of manifest.sites) {
    const key = `${site.repo}\u0000${site.commit}\u0000${site.path}`;
    if (!byFile.has(key)) byFile.set(key, []);
    byFile.get(key).push(site);
  }
  const missingRepos = new Set();
  const indexes = new Map();
  const results = [];
  const unlisted = [];
  const brokenOutputs = [];
  let files = 0;
  let bytes = 0;
  const started = Date.now();
  const configRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'forgotten-sender-wild-'));
  process.on('exit', () => fs.rmSync(configRoot, { recursive: true, force: true }));
  for (const [key, sites] of byFile) {
    const [repo, commit, file] = key.split('\u0000');
    const gitDir = path.join(args.dir, repo.replace('/', '+'), 'repo');
    if (!fs.existsSync(gitDir)) {
      missingRepos.add(repo);
      continue;
    }
    const source = gitShow(gitDir, commit, file);
    if (source === undefined) {
      for (const site of sites) results.push({ site, verdict: 'missing-file', findings: [] });
      continue;
    }
    files += 1;
    bytes += source.length;
    // the repository's other files, at the same commit, for helpers imported from them
    const indexKey = `${repo}\u0000${commit}`;
    if (!indexes.has(indexKey)) indexes.set(indexKey, new ModuleIndex(gitHost(gitDir, commit)));
    const base = path.join(configRoot, repo.replace('/', '+'), commit.slice(0, 12));
    if (!fs.existsSync(base)) writeConfigs(gitDir, commit, base);
    // (the file too: a project's settings count for a file that is where they say, on disk)
    fs.mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
    fs.writeFileSync(path.join(base, file), source);
    const settings = { [MODULE_BASE]: base };
    let result;
    try {
      result = runRules(registry, file, source.replace(/^\uFEFF/, ''), { ...settings, [MODULE_INDEX]: indexes.get(indexKey) });
      // the CLI's second pass: a sleep helper of another file made cancellable, when a race asks
      const upgrades = result.findings.filter((finding) => finding.messageId === 'helperNotCancellable' && finding.data.upgradeFile !== undefined && finding.data.upgradeFile !== file).map((finding) => ({ file: finding.data.upgradeFile, at: Number(finding.data.upgradeAt) }));
      if (upgrades.length > 0) {
        const host = gitHost(gitDir, commit);
        const upgraded = new ModuleIndex(host, upgrades);
        // as the CLI does: every file that may use the helper, read for its callers (git grep finds them)
        const callersOk = upgrades.every((upgrade) => {
          const helper = indexes.get(indexKey).facts(upgrade.file);
          const name = helper && result.findings.find((finding) => finding.data.upgradeFile === upgrade.file)?.data.name;
          if (!name) return false;
          const grep = spawnSync('git', ['-C', gitDir, 'grep', '-l', '-w', '-e', name.replace(/^this\./, ''), commit, '--', '*.ts', '*.tsx', '*.mts', '*.cts', '*.js', '*.jsx', '*.mjs', '*.cjs'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
          const files = grep.stdout.split('\n').filter(Boolean).map((line) => line.slice(commit.length + 1));
          return callerProblem(indexes.get(indexKey), upgrade.file, upgrade.at, files, (other) => gitShow(gitDir, commit, other), (other) => path.normalize(other)) === undefined;
        });
        const made = callersOk && upgrades.every((upgrade) => upgradesIn(indexes.get(indexKey).facts(upgrade.file), [upgrade.at]).made.length > 0);
        if (made) result = runRules(registry, file, source.replace(/^\uFEFF/, ''), { ...settings, [MODULE_INDEX]: upgraded, [HELPER_UPGRADES]: upgrades });
      }
    } catch (error) {
      for (const site of sites) results.push({ site, verdict: 'crashed', findings: [{ error: String(error && error.stack || error) }] });
      continue;
    }
    if (result.output !== undefined) {
      try {
        parseSource(file, result.output);
      } catch (error) {
        brokenOutputs.push({ repo, file, error: error.message });
      }
    }
    // a finding belongs to the listed site whose anchor line its site starts on, or whose lines hold it
    const lines = source.split(/\r\n|[\n\r\u2028\u2029]/);
    const lineOf = (offset) => {
      let line = 1;
      for (let at = 0, index = 0; index < lines.length; index += 1) {
        const next = at + lines[index].length + 1;
        if (offset < next) return index + 1;
        at = next;
        line = index + 2;
      }
      return line;
    };
    const claimed = new Map(sites.map((site) => [site, []]));
    for (const finding of result.findings) {
      const siteLine = lineOf(finding.site.start);
      const owner = sites.find((site) => site.line === siteLine) ?? sites.find((site) => siteLine >= site.line && siteLine <= (site.endLine ?? site.line));
      const summary = { rule: finding.rule, status: finding.status, messageId: finding.messageId, line: finding.position.line, siteLine, message: `${finding.message.what} — ${finding.message.why} — ${finding.message.fix}` };
      // a helper made cancellable is the other half of a listed race's fix, not a site of its own
      if (finding.messageId === 'fixedHelperCancellable' && !owner) continue;
      if (owner) claimed.get(owner).push(summary);
      else unlisted.push({ repo, file, ...summary });
    }
    for (const [site, findings] of claimed) results.push({ site, verdict: verdictOf(findings), findings });
  }

  // Score each site against its judged verdict and expectation.
  const score = {
    leaks: 0,
    fixed: 0,
    fixedInPart: 0,
    refusedTrue: 0,
    refusedOther: 0,
    refusedUnjudged: 0,
    missed: 0,
    calledSafe: 0,
    safeSites: 0,
    changed: 0,
    flagged: 0,
    unverified: 0,
    unverifiedUnexpected: 0,
    leftAlone: 0,
    crashed: 0,
  };
  const wrong = [];
  for (const entry of results) {
    const { site, verdict, findings } = entry;
    if (verdict === 'missing-file') continue;
    if (verdict === 'crashed') score.crashed += 1;
    if (site.verdict === 'leak') {
      score.leaks += 1;
      // a fix that mends one of the site's leaks and leaves another (named in expect.fixLeaves)
      if (verdict === 'fixed' && site.expect?.fixLeaves) score.fixedInPart += 1;
      else if (verdict === 'fixed') score.fixed += 1;
      else if (verdict === 'leak' || verdict === 'unknown') {
        const reasons = findings.filter((finding) => finding.status === 'refused' || finding.status === 'unknown').map((finding) => finding.messageId);
        const expected = site.expect?.refuse;
        if (!expected) score.refusedUnjudged += 1;
        else if (reasons.some((reason) => expected.includes(reason))) score.refusedTrue += 1;
        else {
          score.refusedOther += 1;
          wrong.push({ kind: 'reason', entry });
        }
        if (site.expect?.fix) wrong.push({ kind: 'should fix', entry });
      } else if (verdict === 'safe') {
        score.calledSafe += 1;
        wrong.push({ kind: 'leak called safe', entry });
      } else if (verdict !== 'crashed') {
        score.missed += 1;
      }
    } else {
      score.safeSites += 1;
      if (verdict === 'fixed') {
        score.changed += 1;
        wrong.push({ kind: 'correct site changed', entry });
      } else if (verdict === 'leak') {
        score.flagged += 1;
        wrong.push({ kind: 'correct site flagged', entry });
      } else if (verdict === 'unknown') {
        score.unverified += 1;
        // a warning on a correct site is honest when reading it found that this cannot see the release
        const reasons = findings.filter((finding) => finding.status === 'unknown').map((finding) => finding.messageId);
        if (!reasons.some((reason) => site.expect?.warn?.includes(reason))) {
          score.unverifiedUnexpected += 1;
          wrong.push({ kind: 'warning not expected', entry });
        }
      }
      else score.leftAlone += 1;
    }
  }

  const out = (line = '') => process.stdout.write(`${line}\n`);
  const repoCount = new Set(manifest.sites.map((site) => site.repo)).size - missingRepos.size;
  out(`wild corpus: ${repoCount} repositories, ${files} files (${(bytes / 1e6).toFixed(1)} MB), ${results.length} listed sites, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (missingRepos.size > 0) out(`  not found in ${args.dir} (fetch them first): ${[...missingRepos].join(', ')}`);
  out();
  out(`leaking sites                    ${score.leaks}`);
  out(`  fixed                          ${score.fixed}  (${((100 * score.fixed) / Math.max(1, score.leaks)).toFixed(0)}%)`);
  out(`  fixed in part (a leak is left) ${score.fixedInPart}`);
  out(`  refused, true reason           ${score.refusedTrue}`);
  out(`  refused, reason not expected   ${score.refusedOther}`);
  out(`  refused, reason not judged     ${score.refusedUnjudged}`);
  out(`  missed (no finding)            ${score.missed}`);
  out(`  called already safe            ${score.calledSafe}`);
  out(`correct sites                    ${score.safeSites}`);
  out(`  left alone or a note           ${score.leftAlone}`);
  out(`  unverified (a warning)         ${score.unverified}  (${score.unverifiedUnexpected} not expected)`);
  out(`  flagged as a leak              ${score.flagged}`);
  out(`  changed                        ${score.changed}`);
  out(`crashes                          ${score.crashed}`);
  out(`outputs that do not parse        ${brokenOutputs.length}`);
  out(`findings on unlisted sites       ${unlisted.length}`);
  if (args.verbose) {
    for (const item of wrong) {
      const { site, verdict, findings } = item.entry;
      out(`  ${item.kind}: ${site.repo} ${site.path}:${site.line} [${site.verdict}] got ${verdict} ${findings.map((finding) => `${finding.rule}/${finding.messageId}`).join(', ')}`);
    }
    for (const broken of brokenOutputs) out(`  output does not parse: ${broken.repo} ${broken.file}: ${broken.error}`);
    for (const finding of unlisted) out(`  unlisted: ${finding.repo} ${finding.file}:${finding.line} (site ${finding.siteLine}) ${finding.rule}/${finding.messageId} ${finding.status}`);
  }
  if (args.out) fs.writeFileSync(args.out, `${JSON.stringify({ score, results, unlisted, brokenOutputs }, null, 1)}\n`);
}

main();
