// `npm run bench`: whole-process timings and peak memory of `strategy lint` (and roadmap, report)
// against markdownlint-cli2, a parse floor and `node -e 0`; in-process full lint and incremental
// update; ratios against the targets of issue 7. Writes bench/results.json and prints a table.
//
// Options: --runs N (timed rounds, default 7) · --sizes 100,1000,5000 · --no-build
//          --profile (also write a CPU profile of `lint` on the largest size and list its top
//          self-time functions) · --quick (3 rounds, no roadmap/report)
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { existsSync, openSync, readFileSync, writeFileSync, mkdirSync, rmSync, readdirSync, statSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, AS_OF, REPOS_DIR } from './generate.mjs';
import { topSelfTime } from './profile-top.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const project = join(here, '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const quick = flag('--quick');
const rounds = Number(option('--runs', quick ? '3' : '7'));
const sizes = option('--sizes', '100,1000,5000').split(',').map(Number);
const largest = Math.max(...sizes);
const middle = sizes.includes(1000) ? 1000 : sizes[Math.floor(sizes.length / 2)];
const node = process.execPath;
const cli = join(project, 'dist', 'cli.js');
const markdownlint = join(project, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const floor = join(here, 'floor.mjs');
const inprocessBundle = join(REPOS_DIR, '.inprocess.cjs');

// --- preparation: build, generate, bundle the in-process harness -------------------------------
if (!flag('--no-build')) {
  process.stderr.write('building dist/cli.js …\n');
  execFileSync(node, [join(project, 'scripts', 'build.mjs')], { cwd: project, stdio: 'inherit' });
}
for (const size of [1, ...sizes]) generate(size);
{
  const { build } = await import('esbuild');
  // The same settings as the CLI bundle (scripts/build.mjs), so that the code runs as shipped.
  const { yamlBrowserBuild } = await import('../scripts/yaml-browser-build.mjs');
  await build({ entryPoints: [join(here, 'inprocess.ts')], outfile: inprocessBundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minifySyntax: true, logLevel: 'warning', plugins: [yamlBrowserBuild] });
}

// --- the commands ------------------------------------------------------------------------------
const repo = (size) => join(REPOS_DIR, `m${size}`);
const lintArgs = (size) => [cli, 'lint', '--root', repo(size), '--format', 'json', '--as-of', AS_OF];
const cases = [
  { id: 'node -e 0', argv: [node, '-e', '0'] },
  { id: 'lint 1', argv: [node, ...lintArgs(1)] },
];
for (const size of sizes) {
  cases.push({ id: `lint ${size}`, argv: [node, ...lintArgs(size)] });
  cases.push({ id: `markdownlint ${size}`, argv: [node, markdownlint, 'measures/**/*.md'], cwd: repo(size) });
  cases.push({ id: `floor ${size}`, argv: [node, floor, repo(size)] });
}
if (!quick) {
  cases.push({ id: `roadmap ${middle}`, argv: [node, cli, 'roadmap', '--root', repo(middle), '--as-of', AS_OF] });
  cases.push({ id: `report council ${middle}`, argv: [node, cli, 'report', 'council', '--root', repo(middle), '--as-of', AS_OF] });
}

const devNull = openSync('/dev/null', 'w');
const hasGnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

/** Wall time of one run (ms); output goes to /dev/null, as in CI logs that nobody reads. */
function timed(c) {
  const errFile = join(REPOS_DIR, '.stderr');
  const err = openSync(errFile, 'w');
  const t = process.hrtime.bigint();
  const r = spawnSync(c.argv[0], c.argv.slice(1), { cwd: c.cwd ?? project, stdio: ['ignore', devNull, err] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  return { ms, status: r.status, stderr: readFileSync(errFile, 'utf8').slice(0, 400) };
}

/** Peak resident memory (KB) of one run: GNU time's %M, else the VmHWM polled from /proc. */
async function peakMemory(c) {
  if (hasGnuTime) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', ...c.argv], { cwd: c.cwd ?? project, stdio: ['ignore', devNull, 'pipe'], encoding: 'utf8' });
    const last = r.stderr.trim().split('\n').pop();
    return Number(last);
  }
  return new Promise((resolve) => {
    const child = spawn(c.argv[0], c.argv.slice(1), { cwd: c.cwd ?? project, stdio: ['ignore', devNull, devNull] });
    let peak = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]));
      } catch {
        /* exited */
      }
    }, 2);
    child.on('exit', () => {
      clearInterval(poll);
      resolve(peak);
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// --- timed rounds: one warm-up, then every case once per round (interleaved) ---------------------
const loadBefore = loadavg();
const started = Date.now();
const samples = new Map(cases.map((c) => [c.id, []]));
const statuses = new Map();
process.stderr.write(`warm-up, then ${rounds} interleaved rounds of ${cases.length} commands …\n`);
for (let round = 0; round <= rounds; round++) {
  for (const c of cases) {
    const r = timed(c);
    statuses.set(c.id, { status: r.status, stderr: r.stderr });
    if (round > 0) samples.get(c.id).push(r.ms);
  }
  process.stderr.write(round === 0 ? 'warm-up done\n' : `round ${round}/${rounds}\n`);
}

// --- peak memory: median of three runs per command ------------------------------------------------
const memory = new Map();
for (const c of cases) {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await peakMemory(c));
  memory.set(c.id, median(runs));
}

// --- in-process: full lint and incremental update on the largest repository ------------------------
const inproc = JSON.parse(execFileSync(node, [inprocessBundle, repo(largest), '--runs', quick ? '3' : '5', '--updates', '41', '--as-of', AS_OF], { cwd: project, encoding: 'utf8', maxBuffer: 1 << 26 }));

// --- optional CPU profile of the largest lint ------------------------------------------------------
let profile;
if (flag('--profile')) {
  const dir = join(REPOS_DIR, '.profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // In one thread: --cpu-prof profiles the main thread, and a large lint otherwise runs in a worker (cli/start.cjs).
  spawnSync(node, ['--cpu-prof', '--cpu-prof-dir', dir, ...lintArgs(largest)], { cwd: project, stdio: ['ignore', devNull, devNull], env: { ...process.env, STRATEGY_NO_WORKER: '1' } });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  profile = topSelfTime(JSON.parse(readFileSync(join(dir, file), 'utf8')), 25);
}
const loadAfter = loadavg();

// --- results ---------------------------------------------------------------------------------------
const timings = Object.fromEntries(
  cases.map((c) => {
    const xs = samples.get(c.id);
    const st = statuses.get(c.id);
    return [c.id, { medianMs: round1(median(xs)), minMs: round1(Math.min(...xs)), maxMs: round1(Math.max(...xs)), samplesMs: xs.map(round1), peakRssKB: memory.get(c.id), exitCode: st.status, ...(st.status !== 0 && st.status !== 1 ? { stderr: st.stderr } : {}) }];
  }),
);
function round1(x) {
  return Math.round(x * 10) / 10;
}
const t = (id) => timings[id]?.medianMs;
const mem = (id) => timings[id]?.peakRssKB;
const ratio = (a, b) => (a !== undefined && b ? Math.round((a / b) * 1000) / 1000 : undefined);
const L = largest;
const targets = [
  // Targets of issue 18 (BENCHMARKS.md, "Targets").
  { target: `lint ${L} ≤ 0.3 × markdownlint-cli2`, value: ratio(t(`lint ${L}`), t(`markdownlint ${L}`)), limit: 0.3 },
  { target: `lint ${L} ≤ 2 × floor`, value: ratio(t(`lint ${L}`), t(`floor ${L}`)), limit: 2 },
  { target: 'start-up: lint 1 ≤ 2 × node -e 0', value: ratio(t('lint 1'), t('node -e 0')), limit: 2 },
  { target: `update of one file in ${L} ≤ 20 ms`, value: round1(inproc.updateMs.median), limit: 20, unit: 'ms' },
  { target: `update ≤ 2 % of a full lint (in-process, ${L})`, value: ratio(inproc.updateMs.median, inproc.fullLintMs.median), limit: 0.02 },
  { target: `peak memory lint ${L} ≤ 0.8 × markdownlint-cli2`, value: ratio(mem(`lint ${L}`), mem(`markdownlint ${L}`)), limit: 0.8 },
  ...(sizes.includes(1000) && L !== 1000 ? [{ target: `linear: lint ${L} ≤ ${(5.5 * L) / 5000} × lint 1000`, value: ratio(t(`lint ${L}`), t('lint 1000')), limit: (5.5 * L) / 5000 }] : []),
].map((x) => ({ ...x, met: x.value !== undefined && x.value <= x.limit }));

const cpuModel = (() => {
  try {
    return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model;
  } catch {
    return cpus()[0]?.model;
  }
})();
const bundleBytes = (() => {
  try {
    return statSync(cli).size;
  } catch {
    return undefined;
  }
})();
const results = {
  date: new Date(started).toISOString(),
  machine: { nproc: cpus().length, cpu: cpuModel, memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10, node: process.version, platform: `${process.platform} ${process.arch}`, loadAverageBefore: loadBefore.map(round1), loadAverageAfter: loadAfter.map(round1) },
  settings: { rounds, warmup: 1, memoryRuns: 3, asOf: AS_OF, sizes, peakMemory: hasGnuTime ? '/usr/bin/time %M' : '/proc VmHWM polling', cliBundleBytes: bundleBytes },
  timings,
  inProcess: { repository: relative(project, inproc.root), measures: inproc.measures, findings: inproc.findings, fullLintMs: round1(inproc.fullLintMs.median), fullLintSamplesMs: inproc.fullLintMs.samples.map(round1), updateMs: round1(inproc.updateMs.median), updateSamplesMs: inproc.updateMs.samples.map(round1), updatedFile: inproc.updateMs.file, changedFiles: inproc.updateMs.changedFiles, updateDateMs: round1(inproc.updateDateMs.median), updateDateSamplesMs: inproc.updateDateMs.samples.map(round1), updatedDateFile: inproc.updateDateMs.file },
  targets,
  ...(profile ? { profile: { command: `lint ${L}`, totalMs: Math.round(profile.totalMs), top: profile.rows.map((r) => ({ fn: r.fn, ms: round1(r.ms), share: Math.round(r.share * 1000) / 1000 })) } } : {}),
};
writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');

// --- table -------------------------------------------------------------------------------------------
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(`\n${results.machine.cpu} · ${results.machine.nproc} CPUs · ${results.machine.memoryGB} GB · Node ${results.machine.node} · load ${loadBefore.map((x) => x.toFixed(1)).join(' ')} → ${loadAfter.map((x) => x.toFixed(1)).join(' ')}\n`);
console.log(`${pad('command', 24)}${lpad('median ms', 11)}${lpad('min', 9)}${lpad('max', 9)}${lpad('peak MB', 9)}  exit`);
for (const [id, x] of Object.entries(timings)) console.log(`${pad(id, 24)}${lpad(x.medianMs.toFixed(1), 11)}${lpad(x.minMs.toFixed(0), 9)}${lpad(x.maxMs.toFixed(0), 9)}${lpad((x.peakRssKB / 1024).toFixed(1), 9)}  ${x.exitCode}`);
console.log(`\nin-process (${results.inProcess.repository}): full lint ${results.inProcess.fullLintMs} ms, update of one file ${results.inProcess.updateMs} ms (${results.inProcess.changedFiles} file(s) with changed findings), update of a date (schedule computed anew) ${results.inProcess.updateDateMs} ms\n`);
for (const x of targets) console.log(`${x.met ? 'met    ' : 'NOT met'}  ${pad(x.target, 48)} ${x.unit === 'ms' ? `${x.value} ms` : `${x.value}×`} (limit ${x.limit}${x.unit === 'ms' ? ' ms' : '×'})`);
if (profile) {
  console.log(`\nCPU profile of lint ${L} (${Math.round(profile.totalMs)} ms sampled), top self time:`);
  for (const r of profile.rows.slice(0, 15)) console.log(`${lpad(r.ms.toFixed(0), 7)} ms ${lpad((r.share * 100).toFixed(1), 5)} %  ${r.fn}`);
}
console.log(`\nwrote ${relative(process.cwd(), join(here, 'results.json'))}`);
