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
import { pushAll } from './arrays';

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
  return componentsOf(Adjacency.fromLists(successors));
}

/**
 * Edges from vertices 0 … count-1 in two integer arrays (compressed rows): the successors of `v`
 * are `targets[start[v]] … targets[start[v + 1] - 1]`. A large strategy has tens of thousands of
 * events; one array each would cost more memory and time than the edges themselves (measured:
 * 5 MB and a fifth more time at 5,000 measures, BENCHMARKS.md "Hand-tuned code, measured").
 */
class Adjacency {
  constructor(
    readonly start: Int32Array,
    readonly targets: Int32Array,
  ) {}

  get count(): number {
    return this.start.length - 1;
  }

  successors(v: number): Int32Array {
    return this.targets.subarray(this.start[v], this.start[v + 1]);
  }

  static fromLists(lists: ReadonlyArray<ArrayLike<number>>): Adjacency {
    const start = new Int32Array(lists.length + 1);
    for (let v = 0; v < lists.length; v++) start[v + 1] = start[v] + lists[v].length;
    const targets = new Int32Array(start[lists.length]);
    for (let v = 0; v < lists.length; v++) targets.set(Array.from(lists[v]), start[v]);
    return new Adjacency(start, targets);
  }
}

/** Builds an Adjacency in two passes over the same edges: first counted, then placed in order. */
function buildAdjacency(count: number, forEachEdge: (add: (from: number, to: number) => void) => void): Adjacency {
  const start = new Int32Array(count + 1);
  forEachEdge((from) => start[from + 1]++);
  for (let v = 0; v < count; v++) start[v + 1] += start[v];
  const targets = new Int32Array(start[count]);
  const next = start.slice(0, count);
  forEachEdge((from, to) => (targets[next[from]++] = to));
  return new Adjacency(start, targets);
}

function componentsOf(graph: Adjacency): number[][] {
  const { start, targets } = graph;
  const n = graph.count;
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
    callNext[depth] = start[v];
    depth++;
  };

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    enter(root);
    while (depth > 0) {
      const v = callVertex[depth - 1];
      const i = callNext[depth - 1];
      if (i < start[v + 1]) {
        callNext[depth - 1] = i + 1;
        const w = targets[i];
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
        // Nearly every component is one event: a literal holds it in exact size (a pushed one has room for 17).
        components.push(component.length === 1 ? [v] : component);
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
 * What a graph's shape depends on – ids, milestone ids and `depends_on` entries, by position in
 * the list of measures – as indices. Successive models of a workspace share it while an edit
 * leaves these alone (the usual edit while typing), so that an edit in a large repository does
 * not rebuild the graph of every measure (see `dependencyGraph`).
 */
interface Shape {
  readonly byRef: Map<string, number>;
  /** Per node: the position of its measure in the list, and of its milestone in the measure (-1: the measure itself). */
  readonly nodeMeasure: Int32Array;
  readonly nodeMilestone: Int32Array;
  /** Per measure position: its node, or -1 (an id used before: not in the graph). */
  readonly measureNode: Int32Array;
  /** Per edge: its ends (nodes) and the position of its entry in the `depends_on` list of `from`. */
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeEntry: Int32Array;
  /** Per node: its edges (outgoing: what it depends on, a run of edges; incoming: what depends on it). */
  readonly outgoing: Int32Array;
  readonly incoming: Adjacency;
  /**
   * Timing events: event `i < nodes.length` is node i's start (measure) or date (milestone);
   * event `nodes.length + k` is the end of the k-th measure node. Edges point from an event to
   * the events it waits for.
   */
  readonly eventEdges: Adjacency;
  readonly endEvent: Int32Array;
  readonly eventNode: Int32Array;
  /** Strongly connected components of the events, and each event's component; computed on first use. */
  scc?: { components: number[][]; componentOf: Int32Array };
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

  private readonly measures: readonly Measure[];
  private readonly shape: Shape;
  private cycleCache?: DependencyCycle[];
  private orderCache?: DependencyNode[];

  constructor(measures: Iterable<Measure>) {
    const list = Array.isArray(measures) ? (measures as readonly Measure[]) : [...measures];
    const byRef = new Map<string, number>();
    const nodes: DependencyNode[] = [];
    const nodeMeasure: number[] = [];
    const nodeMilestone: number[] = [];
    const measureNode = new Int32Array(list.length).fill(-1);
    const measureNodes: number[] = [];
    list.forEach((measure, position) => {
      if (!measure.id || byRef.has(measure.id)) return;
      const index = nodes.length;
      nodes.push({ kind: 'measure', ref: measure.id, measure, index });
      nodeMeasure.push(position);
      nodeMilestone.push(-1);
      measureNode[position] = index;
      measureNodes.push(index);
      byRef.set(measure.id, index);
      measure.milestones.forEach((milestone, k) => {
        const ref = `${measure.id}/${milestone.id}`;
        if (byRef.has(ref)) return;
        const ms: MilestoneNode = { kind: 'milestone', ref, measure, milestone, index: nodes.length };
        byRef.set(ref, nodes.length);
        nodes.push(ms);
        nodeMeasure.push(position);
        nodeMilestone.push(k);
      });
    });

    const n = nodes.length;
    const eventCount = n + measureNodes.length;
    const endEvent = new Int32Array(n).fill(-1);
    const eventNode = new Int32Array(eventCount);
    for (let i = 0; i < n; i++) eventNode[i] = i;
    measureNodes.forEach((m, k) => {
      endEvent[m] = n + k;
      eventNode[n + k] = m;
    });

    const edges: DependencyEdge[] = [];
    const edgeFrom: number[] = [];
    const edgeTo: number[] = [];
    const edgeEntry: number[] = [];
    const outgoing = new Int32Array(n + 1);
    for (const from of nodes) {
      entriesOf(from).forEach((ref, j) => {
        const to = byRef.get(ref.id);
        if (to === undefined) return;
        edgeFrom.push(from.index);
        edgeTo.push(to);
        edgeEntry.push(j);
        edges.push({ from, to: nodes[to], ref });
      });
      outgoing[from.index + 1] = edges.length; // a node's edges are one run, in entry order
    }
    const incoming = buildAdjacency(n, (add) => edgeTo.forEach((to, e) => add(to, e)));
    const eventEdges = buildAdjacency(eventCount, (add) => {
      measureNodes.forEach((m) => add(endEvent[m], m)); // a measure ends after it starts …
      for (const node of nodes) {
        if (node.kind !== 'milestone') continue;
        const owner = byRef.get(node.measure.id)!;
        add(endEvent[owner], node.index); // … and after its milestones;
        add(node.index, owner); // a milestone comes after its measure's start.
      }
      edgeTo.forEach((to, e) => add(edgeFrom[e], nodes[to].kind === 'measure' ? endEvent[to] : to));
    });
    this.measures = list;
    this.nodes = nodes;
    this.edges = edges;
    this.shape = {
      byRef,
      nodeMeasure: Int32Array.from(nodeMeasure),
      nodeMilestone: Int32Array.from(nodeMilestone),
      measureNode,
      edgeFrom: Int32Array.from(edgeFrom),
      edgeTo: Int32Array.from(edgeTo),
      edgeEntry: Int32Array.from(edgeEntry),
      outgoing,
      incoming,
      eventEdges,
      endEvent,
      eventNode,
    };
  }

  /**
   * The graph of `measures` on the shape of `previous`, when every measure that differs from the
   * one at its position in `previous` has the same ids and `depends_on` entries (else undefined).
   * Nodes and edges of unchanged measures are shared; only the changed ones are made anew.
   */
  static rebased(previous: DependencyGraph, measures: readonly Measure[]): DependencyGraph | undefined {
    const before = previous.measures;
    if (before.length !== measures.length) return undefined;
    const changed: number[] = [];
    for (let i = 0; i < measures.length; i++) {
      if (before[i] === measures[i]) continue;
      if (!sameShape(before[i], measures[i])) return undefined;
      changed.push(i);
    }
    const shape = previous.shape;
    const nodes = changed.length ? previous.nodes.slice() : previous.nodes;
    const touched: number[] = [];
    for (const position of changed) {
      const first = shape.measureNode[position];
      if (first < 0) continue;
      for (let i = first; i < nodes.length && shape.nodeMeasure[i] === position; i++) {
        const measure = measures[position];
        const k = shape.nodeMilestone[i];
        (nodes as DependencyNode[])[i] = k < 0 ? { kind: 'measure', ref: nodes[i].ref, measure, index: i } : { kind: 'milestone', ref: nodes[i].ref, measure, milestone: measure.milestones[k], index: i };
        touched.push(i);
      }
    }
    const edges = touched.length ? previous.edges.slice() : previous.edges;
    for (const i of touched) {
      for (const e of [...edgesFrom(shape, i), ...shape.incoming.successors(i)]) {
        const from = nodes[shape.edgeFrom[e]];
        (edges as DependencyEdge[])[e] = { from, to: nodes[shape.edgeTo[e]], ref: entriesOf(from)[shape.edgeEntry[e]] };
      }
    }
    const graph = Object.create(DependencyGraph.prototype) as DependencyGraph;
    return Object.assign(graph, { measures, shape, nodes, edges });
  }

  /** The measure (`A`) or milestone (`A/m1`) a `depends_on` entry names, if it exists. */
  resolve(ref: string): DependencyNode | undefined {
    const i = this.shape.byRef.get(ref);
    return i === undefined ? undefined : this.nodes[i];
  }

  /** The nodes of one measure: itself, then its milestones (none for a measure whose id came before). */
  nodesOf(measure: Measure): DependencyNode[] {
    const first = this.shape.byRef.get(measure.id);
    const out: DependencyNode[] = [];
    if (first === undefined || this.nodes[first].measure !== measure) return out;
    for (let i = first; i < this.nodes.length && this.nodes[i].measure === measure; i++) out.push(this.nodes[i]);
    return out;
  }

  /** Stays the same object while successive graphs have the same shape (ids and entries), for caches. */
  get shapeToken(): object {
    return this.shape;
  }

  /** The entries `node` itself declares: what it depends on. */
  dependenciesOf(node: DependencyNode): readonly DependencyEdge[] {
    return node.index < this.nodes.length ? edgesFrom(this.shape, node.index).map((e) => this.edges[e]) : [];
  }

  /** The entries of other measures and milestones that name `node`. */
  dependentsOf(node: DependencyNode): readonly DependencyEdge[] {
    return node.index < this.nodes.length ? Array.from(this.shape.incoming.successors(node.index), (e) => this.edges[e]) : [];
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
      for (const component of this.scc().components) {
        // Each node is placed by its own event (start or date); measure ends only add ordering.
        for (const e of [...component].sort((a, b) => a - b)) if (e < this.nodes.length) order.push(this.nodes[e]);
      }
      this.orderCache = order;
    }
    return this.orderCache;
  }

  private scc(): { components: number[][]; componentOf: Int32Array } {
    const shape = this.shape;
    if (!shape.scc) {
      const components = componentsOf(shape.eventEdges);
      const componentOf = new Int32Array(shape.eventEdges.count);
      components.forEach((c, i) => {
        for (const e of c) componentOf[e] = i;
      });
      shape.scc = { components, componentOf };
    }
    return shape.scc;
  }

  private targetEvent(to: DependencyNode): number {
    return to.kind === 'measure' ? this.shape.endEvent[to.index] : to.index;
  }

  private findCycles(): DependencyCycle[] {
    const { components, componentOf } = this.scc();
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
    const { eventEdges, eventNode } = this.shape;
    let trees: { parent: Map<number, number>; next: Map<number, number>; root: number } | undefined;
    const inside = (e: number) => componentOf[e] === c;
    // Shortest-path trees from and to one root, computed once per cycle; a path through any edge
    // is then read off the trees in time proportional to its length.
    const buildTrees = () => {
      const root = edges[0].from.index;
      const parent = bfs(root, (v) => eventEdges.successors(v), inside);
      const reverse = new Map<number, number[]>();
      for (const v of events) for (const w of eventEdges.successors(v)) if (inside(w)) (reverse.get(w) ?? reverse.set(w, []).get(w)!).push(v);
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
          pushAll(out, toU.slice(at + 1));
          return out;
        }
      }
    };
    const pathThrough = (edge: DependencyEdge): DependencyNode[] => {
      const nodes: DependencyNode[] = [];
      for (const e of eventPath(edge)) {
        const node = graph.nodes[eventNode[e]];
        if (nodes[nodes.length - 1] !== node) nodes.push(node);
      }
      if (nodes.length === 1) nodes.push(nodes[0]);
      return nodes;
    };
    const members = new Set<DependencyNode>(pathThrough(edges[0]));
    for (const e of [...events].sort((a, b) => a - b)) members.add(graph.nodes[eventNode[e]]);
    return { nodes: [...members], edges, pathThrough };
  }
}

/** The edges a node declares, in entry order (they are one run of edge indices). */
function edgesFrom(shape: Shape, node: number): number[] {
  const out: number[] = [];
  for (let e = shape.outgoing[node]; e < shape.outgoing[node + 1]; e++) out.push(e);
  return out;
}

/** The `depends_on` entries a node declares. */
function entriesOf(node: DependencyNode): readonly Ref[] {
  return node.kind === 'measure' ? node.measure.dependsOn : node.milestone.dependsOn;
}

/** Same id, milestone ids and `depends_on` entries (by id): the graph's shape does not change. */
function sameShape(a: Measure, b: Measure): boolean {
  if (a.id !== b.id || !sameRefs(a.dependsOn, b.dependsOn) || a.milestones.length !== b.milestones.length) return false;
  for (let i = 0; i < a.milestones.length; i++) {
    if (a.milestones[i].id !== b.milestones[i].id || !sameRefs(a.milestones[i].dependsOn, b.milestones[i].dependsOn)) return false;
  }
  return true;
}

function sameRefs(a: readonly Ref[], b: readonly Ref[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].id !== b[i].id) return false;
  return true;
}

/** Breadth-first search from `root` over vertices `inside`; returns each reached vertex's predecessor. */
function bfs(root: number, successors: (v: number) => Iterable<number>, inside: (v: number) => boolean): Map<number, number> {
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
/** The graph made last: the next model (after an edit) usually has its shape. */
let latest: DependencyGraph | undefined;

/** The dependency graph of a model, built once per model and shared by every caller. */
export function dependencyGraph(model: Model): DependencyGraph {
  let graph = graphs.get(model);
  if (!graph) {
    graph = (latest && DependencyGraph.rebased(latest, model.measures)) ?? new DependencyGraph(model.measures);
    graphs.set(model, graph);
    latest = graph;
  }
  return graph;
}
