// In-process timings on one repository: a full lint (every file parsed, every rule run) and the
// incremental update of one measure file (StrategyWorkspace.update, as the editor calls it).
// Bundled by bench/run.mjs with the same esbuild settings as the CLI; prints JSON.
// Usage: node inprocess.cjs ROOT [--runs N] [--updates N] [--as-of DATE]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkspace, listFiles } from '../cli/load';
import { StrategyWorkspace, type LintResult } from '../strategy/workspace';

const args = process.argv.slice(2);
const root = args[0];
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(opt('--runs', '5'));
const updates = Number(opt('--updates', '30'));
const asOf = opt('--as-of', '2026-06-01');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const time = <T>(fn: () => T): [number, T] => {
  const t = performance.now();
  const r = fn();
  return [performance.now() - t, r];
};

// The files once, so that the timings below do not include disk reads (the CLI timings do).
const files = new Map<string, Buffer>();
{
  const ws = loadWorkspace(root);
  for (const p of ws.paths()) files.set(p, readFileSync(join(root, p)));
}
const fresh = () => {
  const ws = new StrategyWorkspace();
  for (const [p, c] of files) ws.setFile(p, c);
  return ws;
};

// Full lint: a new workspace each time (parse + model + all rules + configuration).
const full: number[] = [];
let result: LintResult | undefined;
for (let i = 0; i <= runs; i++) {
  const ws = fresh();
  const [ms, r] = time(() => ws.lint({ asOf }));
  if (i > 0) full.push(ms); // the first run warms up the JIT
  result = r;
}

// Incremental: change one measure file back and forth (an edit that changes its findings: the
// owner disappears and comes back), as an editor does on each debounced keystroke.
const ws = fresh();
let previous = ws.lint({ asOf });
const target = listFiles(root).find((p) => p.startsWith('measures/') && p.endsWith('.md') && /\nowner: /.test(files.get(p)!.toString('utf8')))!;
const original = files.get(target)!.toString('utf8');
const edited = original.replace(/\nowner: .*\n/, '\n');
const inc: number[] = [];
let changedFiles = 0;
for (let i = 0; i <= updates; i++) {
  const content = i % 2 === 0 ? edited : original;
  const [ms, r] = time(() => ws.update(target, content, previous, { asOf }));
  previous = r.result;
  changedFiles = Math.max(changedFiles, r.changed.size);
  if (i > 0) inc.push(ms);
}

// An edit of a date (the measure's end one year later and back): the schedule's inputs change, so
// the negative-slack rule computes the schedule anew; the edit above leaves it as it was.
const dated = listFiles(root).find((p) => p.startsWith('measures/') && p.endsWith('.md') && /\nend: \d{4}/.test(files.get(p)!.toString('utf8')) && /\ndepends_on: /.test(files.get(p)!.toString('utf8')))!;
const datedOriginal = files.get(dated)!.toString('utf8');
const datedEdited = datedOriginal.replace(/\nend: (\d{4})/, (_, y: string) => `\nend: ${Number(y) + 1}`);
const incDate: number[] = [];
for (let i = 0; i <= updates; i++) {
  const content = i % 2 === 0 ? datedEdited : datedOriginal;
  const [ms, r] = time(() => ws.update(dated, content, previous, { asOf }));
  previous = r.result;
  if (i > 0) incDate.push(ms);
}

process.stdout.write(
  JSON.stringify({
    root,
    measures: result!.model.measures.length,
    findings: result!.findings.length,
    fullLintMs: { median: median(full), samples: full },
    updateMs: { median: median(inc), samples: inc, file: target, changedFiles },
    updateDateMs: { median: median(incDate), samples: incDate, file: dated },
    heapUsedMB: process.memoryUsage().heapUsed / 1048576,
  }) + '\n',
);
