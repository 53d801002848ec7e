// `npm start`: the main job on the bundled example – lint (every format), roadmaps and the
// council report into out/, then what changed since the council session of September 2026
// (examples/herne-history: a snapshot turned into a temporary git history under out/).
// Findings in the example are deliberate; only a failure of the tool itself (exit code 2) fails the job.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { buildHerneHistory } from './herne-history.mjs';

const root = 'examples/herne';
mkdirSync('out', { recursive: true });
const steps = [
  ['lint', '--root', root, '--format', 'stylish'],
  ['lint', '--root', root, '--format', 'json', '--output', 'out/lint.json'],
  ['lint', '--root', root, '--format', 'sarif', '--output', 'out/lint.sarif'],
  ['lint', '--root', root, '--format', 'junit', '--output', 'out/lint.junit.xml'],
  ['roadmap', '--root', root, '--type', 'gantt', '--output', 'out/roadmap-gantt.md'],
  ['roadmap', '--root', root, '--type', 'dependencies', '--output', 'out/roadmap-dependencies.md'],
  ['roadmap', '--root', root, '--type', 'timeline', '--output', 'out/roadmap-timeline.md'],
  ['roadmap', '--root', root, '--type', 'gantt', '--output', 'out/roadmap.html'],
  ['report', 'council', '--root', root, '--format', 'md', '--output', 'out/council-report.md'],
  ['report', 'council', '--root', root, '--format', 'html', '--output', 'out/council-report.html'],
  ['plan', '--root', root, '--target', 'KI-VERKEHR/modell', '--format', 'markdown', '--output', 'out/plan.md'],
  ['calendar', '--root', root, '--output', 'out/strategy.ics'],
];
// The earlier council state as a git history (out/herne-history), then the changes since.
const history = await buildHerneHistory('out/herne-history');
const asOf = ['--as-of', '2026-11-26'];
steps.push(
  ['diff', '--root', history.root, '--since', history.tag, ...asOf],
  ['diff', '--root', history.root, '--since', history.tag, ...asOf, '--format', 'markdown', '--output', 'out/changes.md'],
  ['report', 'council', '--root', history.root, '--since', history.tag, ...asOf, '--output', 'out/council-report-changes.md'],
  ['roadmap', '--root', history.root, '--baseline', history.tag, ...asOf, '--output', 'out/roadmap-baseline.md'],
);
let failed = false;
for (const args of steps) {
  process.stdout.write(`\n$ strategy ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit', env: { ...process.env, NO_COLOR: process.env.NO_COLOR ?? '' } });
  if (r.status !== 0 && r.status !== 1) failed = true;
}
process.stdout.write(`\nOutputs in out/\n`);
process.exit(failed ? 2 : 0);
