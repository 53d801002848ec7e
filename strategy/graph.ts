/**
 * The dependency graph of a strategy: measures and their milestones, connected by `depends_on`.
 *
 * Nodes are what a `depends_on` entry can name: a measure (`MEASURE`) or a milestone
 * (`MEASURE/milestone`). Edges are the resolved `depends_on` entries of measures and milestones;
 * an edge `from → to` reads "`from` depends on `to`".
 *
 * Cycles and the topological order follow the timing the entries mean, not just the written
 * edges: a measure is a period (start … end), a milestone a point inside it. Depending on a
 * measure means waiting for its end, depending on a milestone means waiting for that milestone,
 * and a measure's own `depends_on` holds back its start. A measure ends after its milestones,
 * and its milestones come after its start. So `A → B` plus `B/m1 → A` is a cycle (B cannot end
 * before m1, m1 waits for A, A waits for B), while `A → B/m1` plus `B/m2 → A` is not.
 *
 * Everything is linear in the number of measures, milestones and entries. Graph algorithms are
 * iterative, so deep dependency chains cannot overflow the call stack. Written by hand: the
 * common graph libraries (graphlib's Tarjan, for one) recurse, and none models measure periods.
 */
import type { Measure, Milestone, Model, Ref } from './model/types';

export interface MeasureNode {
  kind: 'measure';
  /** The measure id, as `depends_on` writes it. */
  ref: string;
  measure: Measure;
  /** Position in `DependencyGraph.nodes`. */
  index: number;
}

export interface MilestoneNode {
  kind: 'milestone';
  /** `MEASURE/milestone`. */
  ref: string;
  measure: Measure;
  milestone: Milestone;
  index: number;
}

/** A measure or one of its milestones: what a `depends_on` entry can name. */
export type DependencyNode = MeasureNode | MilestoneNode;

/** One resolved `depends_on` entry: `from` depends on `to`. */
export interface DependencyEdge {
  from: DependencyNode;
  to: DependencyNode;
  /** The entry as written; `ref.path` is its path in `from.measure`'s mapping (for ranges). */
  ref: Ref;
}

/** A set of measures and milestones that wait for each other (a strongly connected component). */
export interface DependencyCycle {
  /** The members, in the order of the path through the first edge, then any others. */
  nodes: readonly DependencyNode[];
  /** The `depends_on` entries that close the cycle (both ends are members). Never empty. */
  edges: readonly DependencyEdge[];
  /**
   * A closed path that starts with `edge` (one of `edges`): `[edge.from, edge.to, …, edge.from]`.
   * It may pass a measure's own milestone (`B → B/m1`) where the timing closes the cycle.
   * A self-dependency gives `[X, X]`.
   */
  pathThrough(edge: DependencyEdge): DependencyNode[];
}

/** `MEASURE/milestone` → its parts; a plain id names a measure. */
export function parseDependencyRef(ref: string): { measure: string; milestone?: string } {
  const slash = ref.indexOf('/');
  return slash < 0 ? { measure: ref } : { measure: ref.slice(0, slash), milestone: ref.slice(slash + 1) };
}

/**
 * Strongly connected components (Tarjan), iteratively. `successors[v]` lists the vertices `v`
 * has an edge to. Components come out in reverse topological order of the condensation: a
 * component comes after every component it has an edge to (for "depends on" edges: dependencies
 * first). Vertices are visited in index order, so the result is deterministic.
 */
export function stronglyConnectedComponents(successors: ReadonlyArray<ArrayLike<number>>): number[][] {
  const n = successors.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  // The explicit call stack: a vertex and the position of the next successor to look at.
  const callVertex = new Int32Array(n);
  const callNext = new Int32Array(n);
  const components: number[][] = [];
  let counter = 0;
  let depth = 0;
  const enter = (v: number) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    callVertex[depth] = v;
    callNext[depth] = 0;
    depth++;
  };

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    enter(root);
    while (depth > 0) {
      const v = callVertex[depth - 1];
      const succ = successors[v];
      const i = callNext[depth - 1];
      if (i < succ.length) {
        callNext[depth - 1] = i + 1;
        const w = succ[i];
        if (index[w] === -1) enter(w);
        else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      depth--;
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component);
      }
      if (depth > 0) {
        const parent = callVertex[depth - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  return components;
}

/**
 * The dependency graph of a set of measures. Use `dependencyGraph(model)` to share one graph per
 * model between rules, diagrams and the editor.
 */
export class DependencyGraph {
  /** Measures (first one per id) and their milestones (first one per id within the measure). */
  readonly nodes: readonly DependencyNode[];
  /** Every `depends_on` entry that names an existing measure or milestone, in source order. */
  readonly edges: readonly DependencyEdge[];

  private readonly byRef = new Map<string, DependencyNode>();
  private readonly outgoing: DependencyEdge[][];
  private readonly incoming: DependencyEdge[][];
  /**
   * Timing events: event `i < nodes.length` is node i's start (measure) or date (milestone);
   * event `nodes.length + k` is the end of the measure `endOwner[k]`. Edges point from an event
   * to the events it waits for.
   */
  private readonly eventEdges: number[][];
  private readonly endEvent: Int32Array;
  private readonly eventNode: Int32Array;
  private cycleCache?: DependencyCycle[];
  private orderCache?: DependencyNode[];

  constructor(measures: Iterable<Measure>) {
    const nodes: DependencyNode[] = [];
    const measureNodes: MeasureNode[] = [];
    for (const measure of measures) {
      if (!measure.id || this.byRef.has(measure.id)) continue;
      const node: MeasureNode = { kind: 'measure', ref: measure.id, measure, index: nodes.length };
      nodes.push(node);
      measureNodes.push(node);
      this.byRef.set(node.ref, node);
      for (const milestone of measure.milestones) {
        const ref = `${measure.id}/${milestone.id}`;
        if (this.byRef.has(ref)) continue;
        const ms: MilestoneNode = { kind: 'milestone', ref, measure, milestone, index: nodes.length };
        nodes.push(ms);
        this.byRef.set(ref, ms);
      }
    }
    this.nodes = nodes;

    const n = nodes.length;
    const eventCount = n + measureNodes.length;
    this.endEvent = new Int32Array(n).fill(-1);
    this.eventNode = new Int32Array(eventCount);
    const events: number[][] = Array.from({ length: eventCount }, () => []);
    for (let i = 0; i < n; i++) this.eventNode[i] = i;
    measureNodes.forEach((m, k) => {
      const end = n + k;
      this.endEvent[m.index] = end;
      this.eventNode[end] = m.index;
      events[end].push(m.index); // a measure ends after it starts …
    });
    for (const node of nodes) {
      if (node.kind !== 'milestone') continue;
      const owner = this.byRef.get(node.measure.id)!.index;
      events[this.endEvent[owner]].push(node.index); // … and after its milestones;
      events[node.index].push(owner); // a milestone comes after its measure's start.
    }

    const edges: DependencyEdge[] = [];
    this.outgoing = nodes.map(() => []);
    this.incoming = nodes.map(() => []);
    const addEdges = (from: DependencyNode, refs: readonly Ref[]) => {
      for (const ref of refs) {
        const to = this.byRef.get(ref.id);
        if (!to) continue;
        const edge: DependencyEdge = { from, to, ref };
        edges.push(edge);
        this.outgoing[from.index].push(edge);
        this.incoming[to.index].push(edge);
        events[from.index].push(this.targetEvent(to));
      }
    };
    for (const node of nodes) addEdges(node, node.kind === 'measure' ? node.measure.dependsOn : node.milestone.dependsOn);
    this.edges = edges;
    this.eventEdges = events;
  }

  /** The measure (`A`) or milestone (`A/m1`) a `depends_on` entry names, if it exists. */
  resolve(ref: string): DependencyNode | undefined {
    return this.byRef.get(ref);
  }

  /** The entries `node` itself declares: what it depends on. */
  dependenciesOf(node: DependencyNode): readonly DependencyEdge[] {
    return this.outgoing[node.index] ?? [];
  }

  /** The entries of other measures and milestones that name `node`. */
  dependentsOf(node: DependencyNode): readonly DependencyEdge[] {
    return this.incoming[node.index] ?? [];
  }

  /** Every cycle (strongly connected component that closes on itself), in topological order. */
  cycles(): readonly DependencyCycle[] {
    this.cycleCache ??= this.findCycles();
    return this.cycleCache;
  }

  /**
   * All nodes, each after everything it depends on (a measure before its milestones). Members of
   * a cycle have no such order; they stay next to each other. Independent nodes keep source order.
   */
  topologicalOrder(): readonly DependencyNode[] {
    if (!this.orderCache) {
      const order: DependencyNode[] = [];
      for (const component of stronglyConnectedComponents(this.eventEdges)) {
        // Each node is placed by its own event (start or date); measure ends only add ordering.
        for (const e of component.sort((a, b) => a - b)) if (e < this.nodes.length) order.push(this.nodes[e]);
      }
      this.orderCache = order;
    }
    return this.orderCache;
  }

  private targetEvent(to: DependencyNode): number {
    return to.kind === 'measure' ? this.endEvent[to.index] : to.index;
  }

  private findCycles(): DependencyCycle[] {
    const components = stronglyConnectedComponents(this.eventEdges);
    const componentOf = new Int32Array(this.eventEdges.length);
    components.forEach((c, i) => {
      for (const e of c) componentOf[e] = i;
    });
    const closing = new Map<number, DependencyEdge[]>();
    for (const edge of this.edges) {
      const c = componentOf[edge.from.index];
      if (c !== componentOf[this.targetEvent(edge.to)]) continue;
      // A one-event component is a cycle only through an edge to itself (`A/m1` depends on `A/m1`).
      let list = closing.get(c);
      if (!list) closing.set(c, (list = []));
      list.push(edge);
    }
    const cycles: DependencyCycle[] = [];
    components.forEach((events, c) => {
      const edges = closing.get(c);
      if (edges) cycles.push(this.makeCycle(events, componentOf, c, edges));
    });
    return cycles;
  }

  private makeCycle(events: number[], componentOf: Int32Array, c: number, edges: DependencyEdge[]): DependencyCycle {
    const graph = this; // read inside the closures the cycle hands out
    let trees: { parent: Map<number, number>; next: Map<number, number>; root: number } | undefined;
    const inside = (e: number) => componentOf[e] === c;
    // Shortest-path trees from and to one root, computed once per cycle; a path through any edge
    // is then read off the trees in time proportional to its length.
    const buildTrees = () => {
      const root = edges[0].from.index;
      const parent = bfs(root, (v) => graph.eventEdges[v], inside);
      const reverse = new Map<number, number[]>();
      for (const v of events) for (const w of graph.eventEdges[v]) if (inside(w)) (reverse.get(w) ?? reverse.set(w, []).get(w)!).push(v);
      const next = bfs(root, (v) => reverse.get(v) ?? [], inside);
      return { parent, next, root };
    };
    const eventPath = (edge: DependencyEdge): number[] => {
      trees ??= buildTrees();
      const u = edge.from.index;
      const v = graph.targetEvent(edge.to);
      const toU: number[] = [];
      for (let x = u; ; x = trees.parent.get(x)!) {
        toU.push(x);
        if (x === trees.root) break;
      }
      toU.reverse(); // root … u
      const posInToU = new Map(toU.map((x, i) => [x, i]));
      const out = [u];
      for (let x = v; ; x = trees.next.get(x)!) {
        out.push(x);
        const at = posInToU.get(x);
        if (at !== undefined) {
          out.push(...toU.slice(at + 1));
          return out;
        }
      }
    };
    const pathThrough = (edge: DependencyEdge): DependencyNode[] => {
      const nodes: DependencyNode[] = [];
      for (const e of eventPath(edge)) {
        const node = graph.nodes[graph.eventNode[e]];
        if (nodes[nodes.length - 1] !== node) nodes.push(node);
      }
      if (nodes.length === 1) nodes.push(nodes[0]);
      return nodes;
    };
    const members = new Set<DependencyNode>(pathThrough(edges[0]));
    for (const e of [...events].sort((a, b) => a - b)) members.add(graph.nodes[graph.eventNode[e]]);
    return { nodes: [...members], edges, pathThrough };
  }
}

/** Breadth-first search from `root` over vertices `inside`; returns each reached vertex's predecessor. */
function bfs(root: number, successors: (v: number) => readonly number[], inside: (v: number) => boolean): Map<number, number> {
  const parent = new Map<number, number>([[root, root]]);
  const queue = [root];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const w of successors(v)) {
      if (!inside(w) || parent.has(w)) continue;
      parent.set(w, v);
      queue.push(w);
    }
  }
  return parent;
}

export function buildDependencyGraph(measures: Iterable<Measure>): DependencyGraph {
  return new DependencyGraph(measures);
}

const graphs = new WeakMap<Model, DependencyGraph>();

/** The dependency graph of a model, built once per model and shared by every caller. */
export function dependencyGraph(model: Model): DependencyGraph {
  let graph = graphs.get(model);
  if (!graph) graphs.set(model, (graph = new DependencyGraph(model.measures)));
  return graph;
}
