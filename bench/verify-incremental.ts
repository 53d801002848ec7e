// Checks that the incremental path gives exactly what a fresh lint gives: applies random edits
// to measure files of a generated repository with StrategyWorkspace.update and compares every
// result with a new workspace's full lint. The caches that make an update fast (parse per file,
// measure rules per measure, the dependency graph reused across models, sorted paths) must
// never change a finding. Not a unit test: it runs on the bench repositories.
// Usage: node --import tsx bench/verify-incremental.ts ROOT [edits=200] [seed=1]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strict as assert } from 'node:assert';
import { listFiles } from '../cli/load';
import { StrategyWorkspace, type LintResult } from '../strategy/workspace';
import { DependencyGraph, dependencyGraph } from '../strategy/graph';

const [root, editCount = '200', seedArg = '1'] = process.argv.slice(2);
const asOf = '2026-06-01';
let seed = Number(seedArg);
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const files = new Map<string, string>();
for (const p of listFiles(root)) if (/\.(md|ya?ml)$/.test(p)) files.set(p, readFileSync(join(root, p), 'utf8'));
const measurePaths = [...files.keys()].filter((p) => p.startsWith('measures/'));
const ids = measurePaths.map((p) => /\nid: (.*)\n/.exec(files.get(p)!)?.[1]).filter((x): x is string => !!x);

/** Edits an author makes: values, dependencies, milestones, ids, lines added above, broken YAML. */
const EDITS: Array<(text: string) => string> = [
  (t) => t.replace(/\nowner: .*\n/, '\n'),
  (t) => t.replace(/\nstatus: \w+/, `\nstatus: ${pick(['idea', 'planned', 'pilot', 'active', 'completed', 'cancelled'])}`),
  (t) => t.replace(/\nstart: [\d-]+/, `\nstart: 20${24 + Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}`),
  (t) => t.replace(/\nend: [\d-]+/, `\nend: 20${24 + Math.floor(rand() * 6)}`),
  (t) => (t.includes('\ndepends_on: [') ? t.replace(/\ndepends_on: \[/, `\ndepends_on: [${pick(ids)}, `) : t.replace(/\nfield: /, `\ndepends_on: [${pick(ids)}]\nfield: `)),
  (t) => t.replace(/\ndepends_on: \[.*\]\n/, '\n'),
  (t) => t.replace(/\ndepends_on: \[/, `\ndepends_on: [${pick(ids)}/m${1 + Math.floor(rand() * 4)}, `),
  (t) => t.replace(/ {4}date: [\d-]+/, `    date: 20${24 + Math.floor(rand() * 6)}-0${1 + Math.floor(rand() * 9)}-15`),
  (t) => t.replace(/- id: m2\n/, '- id: m1\n'),
  (t) => t.replace(/\nid: .*\n/, `\nid: ${pick(ids)}\n`),
  (t) => t.replace(/\ngoals: /, '\n# a comment line that shifts every range below\ngoals: '),
  (t) => t.replace(/\ncost: /, '\ncost: [broken\n'),
  (t) => t.replace(/\nfield: \S+/, '\nfield: nowhere'),
  (t) => t.replace(/\nmilestones:\n/, `\nmilestones:\n  - id: extra\n    title: Extra\n    date: 2026-01-01\n    status: open\n    depends_on: [${pick(ids)}]\n`),
  (t) => t.replace(/\ndepends_on: \[/, `\ndepends_on: [${/\nid: (.*)\n/.exec(t)?.[1]}, `),
  (t) => t.replace(/(- id: m1\n(?: {4}.*\n)*?)( {4}status: )/, `$1    depends_on: [${/\nid: (.*)\n/.exec(t)?.[1]}/m2]\n$2`),
  (t) => t.replace(/\ntags: /, '\nwaivers:\n  - rule: schedule-conflict\n    reason: bekannt\ntags: '),
];

/** The graph the rules used (maybe rebased on the previous one) against one built from scratch. */
function sameGraph(r: LintResult, at: string) {
  const a = dependencyGraph(r.model);
  const b = new DependencyGraph(r.model.measures);
  const nodes = (g: DependencyGraph) => g.nodes.map((n) => [n.kind, n.ref, n.index, n.measure, n.kind === 'milestone' ? n.milestone : null]);
  const edges = (g: DependencyGraph) => g.edges.map((e) => [e.from.index, e.to.index, e.ref]);
  const cycles = (g: DependencyGraph) => g.cycles().map((c) => [c.nodes.map((n) => n.ref), c.edges.map((e) => [e.ref, c.pathThrough(e).map((n) => n.ref)])]);
  const same = (x: unknown[][], y: unknown[][]) => x.length === y.length && x.every((row, i) => row.length === y[i].length && row.every((v, j) => v === y[i][j]));
  assert.ok(same(nodes(a), nodes(b)), `${at}: graph nodes differ`);
  assert.ok(same(edges(a), edges(b)), `${at}: graph edges differ`);
  assert.equal(JSON.stringify(cycles(a)), JSON.stringify(cycles(b)), `${at}: cycles differ`);
  assert.deepEqual(a.topologicalOrder().map((n) => n.ref), b.topologicalOrder().map((n) => n.ref), `${at}: order differs`);
  for (const n of b.nodes) assert.deepEqual(a.dependentsOf(a.nodes[n.index]).map((e) => e.ref), b.dependentsOf(n).map((e) => e.ref), `${at}: dependents differ`);
}

const strip = (r: LintResult) => JSON.stringify({ findings: r.findings, waived: r.waived, measures: r.model.measures.length });
const ws = new StrategyWorkspace();
for (const [p, c] of files) ws.setFile(p, c);
let previous = ws.lint({ asOf });
let changedTotal = 0;
let cyclic = 0;
let reused = 0;
for (let i = 0; i < Number(editCount); i++) {
  const path = pick(measurePaths);
  const before = files.get(path)!;
  // Mostly edits that keep the graph's shape; sometimes a revert to the original text.
  const after = rand() < 0.15 ? readFileSync(join(root, path), 'utf8') : pick(EDITS)(before);
  files.set(path, after);
  const { result, changed } = ws.update(path, after, previous, { asOf });
  sameGraph(result, `edit ${i} of ${path}`);
  // A fresh lint now and then (it replaces the graph the next update starts from).
  if (i % 3 === 2) {
    const fresh = new StrategyWorkspace();
    for (const [p, c] of files) fresh.setFile(p, c);
    assert.equal(strip(result), strip(fresh.lint({ asOf })), `edit ${i} of ${path} differs from a fresh lint`);
  }
  if (result.findings.some((f) => f.rule === 'dependency-cycle')) cyclic++;
  // Rebased graphs share the node objects of unchanged measures with the previous graph.
  if (dependencyGraph(result.model).nodes[0] === dependencyGraph(previous.model).nodes[0]) reused++;
  changedTotal += changed.size;
  previous = result;
}
console.log(`${editCount} edits: every incremental result equals a fresh lint (${changedTotal} file updates published, graph reused ${reused}×, ${cyclic} results with cycles)`);
