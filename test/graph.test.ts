import { strict as assert } from 'node:assert';
import { StrategyWorkspace } from '../strategy/index';
import { buildDependencyGraph, dependencyGraph, parseDependencyRef, stronglyConnectedComponents, type DependencyGraph } from '../strategy/graph';
import type { Measure } from '../strategy/model/types';

const STRATEGY = 'schema: 1\ntitle: T\norganisation: O\n';

/** The graph of the measures in one YAML file (a list of measures). */
function graphOf(yaml: string): DependencyGraph {
  const ws = new StrategyWorkspace();
  ws.setFile('strategy.yaml', STRATEGY);
  ws.setFile('measures/all.yaml', yaml);
  return dependencyGraph(ws.model());
}

/** Minimal measures for size tests: only what the graph reads. */
function fakeMeasure(id: string, dependsOn: string[]): Measure {
  return { id, dependsOn: dependsOn.map((d, i) => ({ id: d, path: ['depends_on', i] })), milestones: [] } as unknown as Measure;
}

const refs = (nodes: ReadonlyArray<{ ref: string }>) => nodes.map((n) => n.ref);
const cyclesText = (g: DependencyGraph) => g.cycles().map((c) => c.edges.map((e) => refs(c.pathThrough(e)).join(' → ')));

describe('dependency graph (strategy/graph.ts)', () => {
  describe('refs and edges', () => {
    const g = graphOf(`
- id: A
  title: A
  status: planned
  depends_on: [B, B/m1, C, B/nope]
  milestones:
    - { id: m0, title: M0, date: 2026-01, status: open, depends_on: [B/m1] }
- id: B
  title: B
  status: planned
  milestones:
    - { id: m1, title: M1, date: 2026-02, status: open }
    - { id: m1, title: doppelt, date: 2026-03, status: open }
- id: B
  title: zweites B
  status: planned
  depends_on: [A]
`);

    it('parses refs into measure and milestone', () => {
      assert.deepEqual(parseDependencyRef('A'), { measure: 'A' });
      assert.deepEqual(parseDependencyRef('A/m1'), { measure: 'A', milestone: 'm1' });
      assert.deepEqual(parseDependencyRef('A/m1/x'), { measure: 'A', milestone: 'm1/x' });
    });

    it('resolves measures and milestones, first one per id', () => {
      const b = g.resolve('B');
      assert.equal(b?.kind, 'measure');
      assert.equal(b?.measure.title, 'B');
      const m1 = g.resolve('B/m1');
      assert.equal(m1?.kind, 'milestone');
      assert.equal(m1?.kind === 'milestone' && m1.milestone.title, 'M1');
      assert.equal(g.resolve('C'), undefined);
      assert.equal(g.resolve('B/nope'), undefined);
      assert.deepEqual(refs(g.nodes), ['A', 'A/m0', 'B', 'B/m1']);
    });

    it('has one edge per resolved depends_on entry, with the entry path', () => {
      assert.deepEqual(
        g.edges.map((e) => `${e.from.ref}→${e.to.ref}@${e.ref.path.join('.')}`),
        ['A→B@depends_on.0', 'A→B/m1@depends_on.1', 'A/m0→B/m1@milestones.0.depends_on.0'],
      );
      assert.deepEqual(refs(g.dependenciesOf(g.resolve('A')!).map((e) => e.to)), ['B', 'B/m1']);
      assert.deepEqual(refs(g.dependentsOf(g.resolve('B/m1')!).map((e) => e.from)), ['A', 'A/m0']);
      assert.deepEqual(g.dependentsOf(g.resolve('A')!), [], 'the second B is not in the graph');
    });

    it('is built once per model', () => {
      const ws = new StrategyWorkspace();
      ws.setFile('strategy.yaml', STRATEGY);
      const model = ws.model();
      assert.equal(dependencyGraph(model), dependencyGraph(model));
    });
  });

  describe('cycles', () => {
    it('finds a ring and names it from each entry that closes it', () => {
      const g = graphOf(`
- { id: A, title: A, status: planned, depends_on: [B] }
- { id: B, title: B, status: planned, depends_on: [C] }
- { id: C, title: C, status: planned, depends_on: [A] }
- { id: D, title: D, status: planned, depends_on: [A] }
`);
      assert.deepEqual(cyclesText(g), [['A → B → C → A', 'B → C → A → B', 'C → A → B → C']]);
      assert.deepEqual(refs(g.cycles()[0].nodes).sort(), ['A', 'B', 'C']);
    });

    it('counts self-dependencies of measures and milestones', () => {
      const g = graphOf(`
- { id: A, title: A, status: planned, depends_on: [A] }
- id: B
  title: B
  status: planned
  milestones: [{ id: m1, title: M1, date: 2026-01, status: open, depends_on: [B/m1] }]
`);
      assert.deepEqual(cyclesText(g), [['A → A'], ['B/m1 → B/m1']]);
    });

    it('follows the timing of measures and their milestones', () => {
      // P waits for Q to end; Q ends after its milestone m1; m1 waits for P.
      assert.deepEqual(cyclesText(graphOf(`
- { id: P, title: P, status: planned, depends_on: [Q] }
- id: Q
  title: Q
  status: planned
  milestones: [{ id: m1, title: M1, date: 2026-01, status: open, depends_on: [P] }]
`)), [['P → Q → Q/m1 → P', 'Q/m1 → P → Q → Q/m1']]);
      // X waits for m1; m1 comes after Q starts; Q waits for X to end.
      assert.equal(graphOf(`
- { id: X, title: X, status: planned, depends_on: [Q/m1] }
- id: Q
  title: Q
  status: planned
  depends_on: [X]
  milestones: [{ id: m1, title: M1, date: 2026-01, status: open }]
`).cycles().length, 1);
      // A measure waiting for its own milestone, and a milestone waiting for its own measure's end.
      assert.equal(graphOf(`
- id: S
  title: S
  status: planned
  depends_on: [S/m1]
  milestones: [{ id: m1, title: M1, date: 2026-01, status: open }]
- id: T
  title: T
  status: planned
  milestones: [{ id: m1, title: M1, date: 2026-01, status: open, depends_on: [T] }]
`).cycles().length, 2);
    });

    it('does not see a cycle in phased cooperation', () => {
      const g = graphOf(`
- { id: X, title: X, status: planned, depends_on: [Y/konzept] }
- id: Y
  title: Y
  status: planned
  milestones:
    - { id: konzept, title: K, date: 2026-01, status: open }
    - { id: auswertung, title: A, date: 2026-12, status: open, depends_on: [X, Y/konzept] }
`);
      assert.deepEqual(g.cycles(), []);
    });

    it('gives a simple cycle through each entry of a knot of several cycles', () => {
      const g = graphOf(`
- { id: A, title: A, status: planned, depends_on: [B, C] }
- { id: B, title: B, status: planned, depends_on: [A] }
- { id: C, title: C, status: planned, depends_on: [A] }
`);
      assert.equal(g.cycles().length, 1);
      assert.deepEqual(cyclesText(g)[0].sort(), ['A → B → A', 'A → C → A', 'B → A → B', 'C → A → C']);
    });
  });

  describe('topological order', () => {
    it('puts dependencies first, a measure before its milestones, and keeps source order otherwise', () => {
      const g = graphOf(`
- { id: E, title: E, status: planned, depends_on: [D] }
- { id: D, title: D, status: planned, depends_on: [C/m1] }
- id: C
  title: C
  status: planned
  milestones: [{ id: m1, title: M1, date: 2026-01, status: open }]
- { id: F, title: F, status: planned }
- { id: G, title: G, status: planned }
`);
      const order = refs(g.topologicalOrder());
      assert.deepEqual([...order].sort(), ['C', 'C/m1', 'D', 'E', 'F', 'G']);
      for (const e of g.edges) assert.ok(order.indexOf(e.to.ref) < order.indexOf(e.from.ref), `${e.to.ref} before ${e.from.ref}`);
      assert.ok(order.indexOf('C') < order.indexOf('C/m1'));
      assert.ok(order.indexOf('F') < order.indexOf('G'));
    });

    it('keeps the members of a cycle next to each other', () => {
      const g = graphOf(`
- { id: A, title: A, status: planned, depends_on: [B] }
- { id: Z, title: Z, status: planned, depends_on: [A] }
- { id: B, title: B, status: planned, depends_on: [A] }
`);
      const order = refs(g.topologicalOrder());
      assert.equal(order[2], 'Z');
      assert.deepEqual(order.slice(0, 2).sort(), ['A', 'B']);
    });
  });

  describe('size', () => {
    const N = 20_000; // 40,000 timing events deep: far beyond what recursion survives

    it('handles a chain far deeper than the call stack allows for recursion', () => {
      const chain = Array.from({ length: N }, (_, i) => fakeMeasure(`M${i}`, i + 1 < N ? [`M${i + 1}`] : []));
      const g = buildDependencyGraph(chain);
      assert.deepEqual(g.cycles(), []);
      const order = g.topologicalOrder();
      assert.equal(order[0].ref, `M${N - 1}`);
      assert.equal(order[N - 1].ref, 'M0');
    });

    it('handles one cycle through every measure', () => {
      const ring = Array.from({ length: N }, (_, i) => fakeMeasure(`M${i}`, [`M${(i + 1) % N}`]));
      const [cycle, ...rest] = buildDependencyGraph(ring).cycles();
      assert.equal(rest.length, 0);
      assert.equal(cycle.nodes.length, N);
      assert.equal(cycle.edges.length, N);
      const path = cycle.pathThrough(cycle.edges[7]);
      assert.equal(path.length, N + 1);
      assert.deepEqual(refs([path[0], path[1], path[N]]), ['M7', 'M8', 'M7']);
    });

    it('finds strongly connected components iteratively', () => {
      // 0 ⇄ 1, 1 → 2, 2 ⇄ 3, 4 alone
      const components = stronglyConnectedComponents([[1], [0, 2], [3], [2], []]).map((c) => c.sort());
      assert.deepEqual(components, [[2, 3], [0, 1], [4]]);
    });
  });
});
