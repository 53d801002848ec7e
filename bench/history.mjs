// `npm run bench:history`: `strategy diff` over two states of a 1,000-measure repository with 100
// commits between them (target: under 2 s, issue 17), and the critical path on 1,000 and 5,000
// measures (linear in measures plus dependencies). The history is built once with the git program
// in bench/repos/ (the bench's own fixture; the tool reads it with isomorphic-git).
// Writes bench/history-results.json and prints a table. Options: --runs N (default 5) · --no-build
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, REPOS_DIR } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const project = join(here, '..');
const args = process.argv.slice(2);
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 5);
const node = process.execPath;
const cli = join(project, 'dist', 'cli.js');
if (!args.includes('--no-build')) execFileSync(node, [join(project, 'scripts', 'build.mjs')], { cwd: project, stdio: 'inherit' });

// --- the history: base state (tag `base`), 100 commits each changing 5 measures, final state --
const COMMITS = 100;
const history = join(REPOS_DIR, 'history1000');
function git(argv, date) {
  execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.org', '-c', 'commit.gpgsign=false', ...argv], {
    cwd: history,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
  });
}
if (!existsSync(join(history, '.git', 'refs', 'tags', 'base')) || !existsSync(join(history, '.bench-complete'))) {
  generate(1000);
  rmSync(history, { recursive: true, force: true });
  cpSync(join(REPOS_DIR, 'm1000'), history, { recursive: true });
  git(['init', '-q', '-b', 'main'], '2026-01-01T10:00:00Z');
  git(['add', '-A'], '2026-01-01T10:00:00Z');
  git(['commit', '-qm', 'base'], '2026-01-01T10:00:00Z');
  git(['tag', 'base'], '2026-01-01T10:00:00Z');
  const files = readdirSync(join(history, 'measures'), { recursive: true }).filter((f) => String(f).endsWith('.md')).map((f) => join(history, 'measures', String(f))).sort();
  for (let c = 0; c < COMMITS; c++) {
    for (let k = 0; k < 5; k++) {
      const file = files[(c * 37 + k * 211) % files.length];
      let text = readFileSync(file, 'utf8');
      // A slip of the end by a year, a status change, a new amount: what a quarter brings.
      text = text.replace(/^end: (\d{4})/m, (_, y) => `end: ${Number(y) + 1}`).replace(/^status: planned$/m, 'status: active').replace(/amount: (\d+)/, (_, a) => `amount: ${Number(a) + 1000}`);
      writeFileSync(file, text);
    }
    const day = new Date(Date.UTC(2026, 0, 2) + c * 86_400_000).toISOString();
    git(['commit', '-qam', `change ${c + 1}`], day);
  }
  writeFileSync(join(history, '.bench-complete'), '');
}

function median(argv) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    last = spawnSync(node, argv, { cwd: project, encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (last.status !== 0 && last.status !== 1) throw new Error(`${argv.join(' ')}: exit ${last.status}\n${last.stderr}`);
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[Math.floor(times.length / 2)]), stdout: last.stdout };
}

/** CPU seconds (user + system) of one run, from GNU time: unlike wall time, it hardly depends on the machine's load. */
const hasGnuTime = existsSync('/usr/bin/time');
function cpu(argv) {
  if (!hasGnuTime) return undefined;
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', node, ...argv], { cwd: project, encoding: 'utf8', maxBuffer: 1 << 28 });
  const [user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return Math.round((user + sys) * 1000);
}

const results = [];
const diffCases = [
  ['diff base..HEAD (tag → commit, both from history)', ['diff', '--root', history, '--since', 'base', '--until', 'HEAD', '--format', 'json', '--as-of', '2026-11-26']],
  ['diff base → working tree', ['diff', '--root', history, '--since', 'base', '--format', 'json', '--as-of', '2026-11-26']],
  ['diff by date (walks the 100 commits)', ['diff', '--root', history, '--since', '2026-01-02', '--format', 'json', '--as-of', '2026-11-26']],
];
for (const [name, argv] of diffCases) {
  const { ms, stdout } = median([cli, ...argv]);
  const summary = JSON.parse(stdout).summary;
  results.push({ case: name, ms, cpuMs: cpu([cli, ...argv]), target: 2000, ok: ms < 2000, changed: summary.changed });
}
// lint of the same 1,000 measures, for comparison: diff reads and lints two states.
{
  const argv = [cli, 'lint', '--root', history, '--format', 'json', '--as-of', '2026-11-26'];
  results.push({ case: 'lint 1000 (one state, for comparison)', ms: median(argv).ms, cpuMs: cpu(argv) });
}

// --- critical path: in-process, 1,000 and 5,000 measures -----------------------------------------
generate(5000);
const bundle = join(REPOS_DIR, '.schedule-inprocess.cjs');
{
  const { build } = await import('esbuild');
  const { yamlBrowserBuild } = await import('../scripts/yaml-browser-build.mjs');
  await build({ entryPoints: [join(here, 'schedule-inprocess.ts')], outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', plugins: [yamlBrowserBuild] });
}
const schedules = [1000, 5000].map((size) => JSON.parse(execFileSync(node, [bundle, join(REPOS_DIR, `m${size}`), '9'], { encoding: 'utf8' })));
for (const s of schedules) results.push({ case: `critical path ${s.measures} measures, ${s.edges} dependencies (in-process)`, ms: Math.round(s.ms * 100) / 100, perItemUs: Math.round(((s.ms * 1000) / (s.measures + s.edges)) * 100) / 100 });

const env = { node: process.version, cpus: cpus().length, model: cpus()[0]?.model, load: loadavg().map((l) => l.toFixed(2)).join(' '), runs, date: new Date().toISOString() };
writeFileSync(join(here, 'history-results.json'), JSON.stringify({ env, results }, null, 2) + '\n');
console.log(`node ${env.node}, ${env.cpus} CPUs (${env.model}), load ${env.load}, median of ${runs} runs`);
for (const r of results) console.log(`${r.case.padEnd(70)} ${String(r.ms).padStart(8)} ms${r.cpuMs !== undefined ? ` (CPU ${r.cpuMs} ms)` : ''}${r.target ? `  target < ${r.target} ms: ${r.ok ? 'met' : 'MISSED'}` : ''}${r.perItemUs ? `  (${r.perItemUs} µs per measure+dependency)` : ''}`);
if (results.some((r) => r.ok === false)) process.exitCode = 1;
