// Dependency view: a flowchart with one subgraph per group, an edge for every `depends_on`
// (prerequisite → dependent; milestone refs get milestone nodes), classes for AI initiatives,
// open errors/warnings, completed and cancelled measures, and a legend. Built as a tree
// (subgraphs → nodes, edges, classes); `print` is the only place that writes Mermaid text and
// escapes every user string there. Node ids are generated (m1, m1_2, x1), never taken from the repository.
import { mermaidText, truncate, wrap } from './escape';
import { uniqueIdLines } from './id-labels';
import { DEFAULT_MAX_TEXT_SIZE } from './pack';
import { measureLabel, type Plan, type PlannedMeasure } from './plan';
import type { Measure } from '../model/types';
import type { DiagramNode, RoadmapDiagram } from './types';

/** Mermaid's default `maxEdges` is 500; stay below it per diagram. */
const MAX_EDGES = 450;
const WRAP = 28;

type ClassName = 'ai' | 'done' | 'cancelled' | 'milestone' | 'outside' | 'warning' | 'error' | 'critical';

// Later definitions win where two classes set the same property: problems are drawn over status.
const CLASS_DEFS: Record<ClassName, string> = {
  milestone: 'fill:#fff8e1,stroke:#f9a825,color:#1a1a1a',
  ai: 'fill:#ede7f6,stroke:#5e35b1,color:#1a1a1a',
  done: 'fill:#e8f5e9,stroke:#2e7d32,color:#1a1a1a',
  cancelled: 'fill:#f5f5f5,stroke:#9e9e9e,color:#616161,stroke-dasharray:4 3',
  outside: 'fill:#ffffff,stroke:#9e9e9e,color:#616161,stroke-dasharray:4 3',
  warning: 'stroke:#ef6c00,stroke-width:3px',
  error: 'stroke:#c62828,stroke-width:4px',
  critical: 'fill:#ffebee,stroke:#b71c1c,stroke-width:4px,color:#1a1a1a',
};

interface FlowNode {
  id: string;
  /** Plain-text lines; escaped and joined with <br> when printed. */
  lines: string[];
  shape: 'box' | 'hexagon';
  classes: ClassName[];
}

interface FlowGroup {
  id: string;
  title: string;
  nodes: FlowNode[];
}

interface FlowEdge {
  from: string;
  to: string;
  /** `depends`: prerequisite → dependent; `part`: a measure and its milestone. */
  kind: 'depends' | 'part';
}

interface Flowchart {
  groups: FlowGroup[];
  /** Nodes outside every subgraph (things the selection depends on, or that depend on it). */
  loose: FlowNode[];
  edges: FlowEdge[];
  legend: { title: string; nodes: FlowNode[] };
}

/** Printed nodes: a split view prints a node when it measures a group and again in its part. */
const printed = new WeakMap<FlowNode, string>();

function printNode(n: FlowNode): string {
  let text = printed.get(n);
  if (text === undefined) {
    const label = n.lines.map(mermaidText).join('<br>');
    text = n.shape === 'hexagon' ? `${n.id}{{"${label}"}}` : `${n.id}["${label}"]`;
    printed.set(n, text);
  }
  return text;
}

function print(chart: Flowchart): string {
  const out = ['flowchart LR'];
  const classes = new Map<ClassName, string[]>();
  const note = (n: FlowNode) => n.classes.forEach((c) => (classes.get(c) ?? classes.set(c, []).get(c)!).push(n.id));
  for (const g of chart.groups) {
    out.push(`  subgraph ${g.id}["${mermaidText(g.title)}"]`);
    for (const n of g.nodes) {
      out.push(`    ${printNode(n)}`);
      note(n);
    }
    out.push('  end');
  }
  for (const n of chart.loose) {
    out.push(`  ${printNode(n)}`);
    note(n);
  }
  for (const e of chart.edges) out.push(`  ${e.from} ${e.kind === 'depends' ? '-->' : '-.-'} ${e.to}`);
  if (chart.legend.nodes.length) {
    out.push(`  subgraph legend["${mermaidText(chart.legend.title)}"]`, '    direction TB');
    for (const n of chart.legend.nodes) {
      out.push(`    ${printNode(n)}`);
      note(n);
    }
    out.push('  end');
  }
  for (const name of Object.keys(CLASS_DEFS) as ClassName[]) {
    const ids = classes.get(name);
    if (!ids) continue;
    out.push(`  classDef ${name} ${CLASS_DEFS[name]}`);
    // `class a,b,c name` – chunked so that no line grows without bound.
    for (let i = 0; i < ids.length; i += 50) out.push(`  class ${ids.slice(i, i + 50).join(',')} ${name}`);
  }
  return out.join('\n') + '\n';
}

/** One end of a dependency: a measure, or one of its milestones (by position). */
interface Endpoint {
  measure: Measure;
  milestone?: number;
}

/** Every dependency of the model that touches the selection, resolved once. */
function collectEdges(plan: Plan): Array<{ from: Endpoint; to: Endpoint }> {
  const { model } = plan;
  const resolve = (ref: string): Endpoint | undefined => {
    if (typeof ref !== 'string') return undefined;
    const slash = ref.indexOf('/');
    const measure = model.measureById.get(slash < 0 ? ref : ref.slice(0, slash));
    if (!measure) return undefined;
    if (slash < 0) return { measure };
    const index = (measure.milestones ?? []).findIndex((m) => m.id === ref.slice(slash + 1));
    return index < 0 ? undefined : { measure, milestone: index };
  };
  const numbers = new Map<Measure, number>();
  const keyOf = (e: Endpoint): string => {
    let n = numbers.get(e.measure);
    if (n === undefined) numbers.set(e.measure, (n = numbers.size));
    return e.milestone === undefined ? `${n}` : `${n}/${e.milestone}`;
  };
  const edges: Array<{ from: Endpoint; to: Endpoint }> = [];
  const seen = new Set<string>();
  const add = (ref: string, to: Endpoint) => {
    const from = resolve(ref);
    if (!from) return; // unknown references are reported by the lint rule `unknown-reference`
    const key = `${keyOf(from)}>${keyOf(to)}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push({ from, to });
  };
  for (const item of plan.items) {
    const m = item.measure;
    for (const ref of m.dependsOn ?? []) add(ref.id, { measure: m });
    (m.milestones ?? []).forEach((ms, i) => ms.dependsOn?.forEach((ref) => add(ref.id, { measure: m, milestone: i })));
  }
  // Dependents outside the selection (e.g. --ai-only) that wait for a selected measure.
  for (const m of model.measures) {
    if (plan.byMeasure.has(m)) continue;
    for (const ref of m.dependsOn ?? []) {
      const from = resolve(ref.id);
      if (from && plan.byMeasure.has(from.measure)) add(ref.id, { measure: m });
    }
  }
  return edges;
}

/** Builds dependency flowcharts; splits by group when one diagram would exceed the size or edge limit. */
export function dependencyDiagrams(plan: Plan): RoadmapDiagram[] {
  const { labels } = plan;
  const edges = collectEdges(plan);
  // Over every measure of the strategy, so that no view or part of it shows two ids alike.
  const idLines = uniqueIdLines(plan.model.measures.map((m) => String(m.id)), WRAP);
  const outsideIds = new Map<Measure, string>();
  const idOf = (e: Endpoint): string => {
    const item = plan.byMeasure.get(e.measure);
    let base = item?.nodeId;
    if (!base) {
      base = outsideIds.get(e.measure);
      if (!base) outsideIds.set(e.measure, (base = `x${outsideIds.size + 1}`));
    }
    return e.milestone === undefined ? base : `${base}_${e.milestone + 1}`;
  };
  // Milestones that take part in a dependency get a node of their own.
  const milestoneNodes = new Set<string>();
  for (const e of edges) for (const end of [e.from, e.to]) if (end.milestone !== undefined) milestoneNodes.add(idOf(end));
  // Numbers for measures outside the selection (x1, x2, …) in the order of the edges, whichever
  // diagram shows them first.
  for (const e of edges) {
    idOf(e.from);
    idOf(e.to);
  }
  // The edges at each measure (as positions in `edges`), so that a part of a split view looks at
  // its own edges only: work grows with the edges of the part, not with parts × all edges.
  const edgesAt = new Map<Measure, number[]>();
  const at = (m: Measure, i: number) => {
    const list = edgesAt.get(m);
    if (!list) edgesAt.set(m, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  edges.forEach((e, i) => {
    at(e.from.measure, i);
    at(e.to.measure, i);
  });

  // Nodes are made once and shared by the whole view, the groups measured and the parts.
  const made = new Map<unknown, FlowNode>();
  const once = <K>(key: K, make: (key: K) => FlowNode): FlowNode => {
    let node = made.get(key);
    if (!node) made.set(key, (node = make(key)));
    return node;
  };
  const measureNode = (item: PlannedMeasure): FlowNode => once(item, makeMeasureNode);
  const milestoneNode = (item: PlannedMeasure, index: number): FlowNode => once(item.milestones[index], () => makeMilestoneNode(item, index));
  const outsideNode = (e: Endpoint): FlowNode => once(idOf(e), () => makeOutsideNode(e));
  const makeMeasureNode = (item: PlannedMeasure): FlowNode => {
    const m = item.measure;
    const classes: ClassName[] = [];
    if (item.ai) classes.push('ai');
    if (m.status === 'completed') classes.push('done');
    if (m.status === 'cancelled' || m.status === 'paused') classes.push('cancelled');
    if (item.errors) classes.push('error');
    else if (item.warnings) classes.push('warning');
    if (item.critical) classes.push('critical');
    const title = `${item.ai ? `${labels.ai} · ` : ''}${measureLabel(m)}`;
    const status = m.status && labels.status[m.status] ? ` · ${labels.status[m.status]}` : '';
    const ids = idLines(String(m.id));
    ids[ids.length - 1] += status;
    return { id: item.nodeId, lines: [...wrap(title, WRAP, 3), ...ids], shape: 'box', classes };
  };
  const makeMilestoneNode = (item: PlannedMeasure, index: number): FlowNode => {
    const ms = item.milestones[index];
    const classes: ClassName[] = ['milestone'];
    if (ms.done) classes.push('done');
    if (ms.cancelled) classes.push('cancelled');
    if (ms.critical) classes.push('critical');
    const lines = wrap(`◆ ${ms.milestone.title || ms.milestone.id}`, WRAP, 2);
    if (ms.milestone.date) lines.push(truncate(String(ms.milestone.date), WRAP));
    return { id: ms.nodeId, lines, shape: 'hexagon', classes };
  };
  const makeOutsideNode = (e: Endpoint): FlowNode => {
    const ms = e.milestone === undefined ? undefined : e.measure.milestones[e.milestone];
    const text = ms ? `${measureLabel(e.measure)} › ${ms.title || ms.id}` : measureLabel(e.measure);
    return { id: idOf(e), lines: [...wrap(text, WRAP, 3), ...idLines(String(e.measure.id))], shape: ms ? 'hexagon' : 'box', classes: ['outside'] };
  };

  interface Unit {
    id: string;
    title: string;
    items: PlannedMeasure[];
  }
  const build = (units: Unit[]): { chart: Flowchart; nodes: Record<string, DiagramNode> } => {
    const inPart = new Set<Measure>();
    for (const u of units) for (const it of u.items) inPart.add(it.measure);
    const nodes: Record<string, DiagramNode> = {};
    const chart: Flowchart = { groups: [], loose: [], edges: [], legend: { title: labels.legend, nodes: [] } };
    for (const u of units) {
      const group: FlowGroup = { id: u.id, title: u.title, nodes: [] };
      for (const item of u.items) {
        group.nodes.push(measureNode(item));
        nodes[item.nodeId] = { measure: item.measure.id, file: item.measure.origin.file };
        item.milestones.forEach((ms, i) => {
          if (!milestoneNodes.has(ms.nodeId)) return;
          group.nodes.push(milestoneNode(item, i));
          chart.edges.push({ from: item.nodeId, to: ms.nodeId, kind: 'part' });
          nodes[ms.nodeId] = { measure: item.measure.id, milestone: ms.milestone.id, file: item.measure.origin.file };
        });
      }
      chart.groups.push(group);
    }
    // The edges with an end in this part, in the order of `edges`.
    const touching = new Set<number>();
    for (const m of inPart) for (const i of edgesAt.get(m) ?? []) touching.add(i);
    const loose = new Set<string>();
    for (const i of [...touching].sort((a, b) => a - b)) {
      const e = edges[i];
      const fromIn = inPart.has(e.from.measure);
      const toIn = inPart.has(e.to.measure);
      for (const [end, inside] of [[e.from, fromIn], [e.to, toIn]] as const) {
        const id = idOf(end);
        if (inside || loose.has(id)) continue;
        loose.add(id);
        chart.loose.push(outsideNode(end));
        nodes[id] = { measure: end.measure.id, ...(end.milestone !== undefined ? { milestone: end.measure.milestones[end.milestone].id } : {}), file: end.measure.origin.file, outside: true };
      }
      chart.edges.push({ from: idOf(e.from), to: idOf(e.to), kind: 'depends' });
    }
    const used = new Set<ClassName>(['ai', 'error']);
    for (const n of [...chart.groups.flatMap((g) => g.nodes), ...chart.loose]) n.classes.forEach((c) => used.add(c));
    const legend: Array<[ClassName, string, FlowNode['shape']]> = [
      ['ai', labels.legendAi, 'box'],
      ['error', labels.legendError, 'box'],
      ['warning', labels.legendWarning, 'box'],
      ['done', labels.legendDone, 'box'],
      ['cancelled', labels.legendCancelled, 'box'],
      ['milestone', labels.legendMilestone, 'hexagon'],
      ['outside', labels.legendOutside, 'box'],
      ['critical', labels.critical, 'box'],
    ];
    chart.legend.nodes = legend.filter(([c]) => used.has(c)).map(([c, text, shape]) => ({ id: `legend_${c}`, lines: [text], shape, classes: [c] }));
    return { chart, nodes };
  };

  const groupUnits: Unit[] = plan.groups.map((g, i) => ({ id: `g${i + 1}`, title: g.title, items: g.items }));
  const limit = plan.options.maxTextSize ?? DEFAULT_MAX_TEXT_SIZE;
  // The whole view holds every edge and every measure node: when these alone are over a limit,
  // it is not built at all (it could only be thrown away).
  let least = 0;
  let edgesAtLeast = 0;
  const selected = new Set<Measure>();
  for (const g of plan.groups) {
    for (const item of g.items) {
      selected.add(item.measure);
      least += printNode(measureNode(item)).length + 1;
      for (const ms of item.milestones) if (milestoneNodes.has(ms.nodeId)) edgesAtLeast++;
    }
  }
  for (const e of edges) if (selected.has(e.from.measure) || selected.has(e.to.measure)) edgesAtLeast++;
  if (edgesAtLeast <= MAX_EDGES && least <= limit) {
    const whole = build(groupUnits);
    const wholeSource = print(whole.chart);
    if (wholeSource.length <= limit && whole.chart.edges.length <= MAX_EDGES) {
      return [{ type: 'dependencies', source: wholeSource, title: plan.title, nodes: whole.nodes, omitted: [] }];
    }
  }

  // Too big for one diagram: units that fit alone (halving a group where needed), then packed
  // greedily. A unit's size alone is an upper bound of its share in a part (shared stubs and
  // edges only shrink), so every part stays under the limits.
  const measured: Array<Unit & { size: number; edgeCount: number; built: ReturnType<typeof build> }> = [];
  const measure = (u: Unit) => {
    const built = build([u]);
    return { ...u, size: print(built.chart).length, edgeCount: built.chart.edges.length, built };
  };
  const queue = groupUnits.map(measure);
  while (queue.length) {
    const u = queue.shift()!;
    if ((u.size <= limit && u.edgeCount <= MAX_EDGES) || u.items.length <= 1) {
      measured.push(u);
      continue;
    }
    const half = Math.ceil(u.items.length / 2);
    queue.unshift(measure({ id: `${u.id}a`, title: u.title, items: u.items.slice(0, half) }), measure({ id: `${u.id}b`, title: u.title, items: u.items.slice(half) }));
  }
  // Number the pieces of a split group: "Title (1/3)".
  const pieces = new Map<string, number>();
  for (const u of measured) pieces.set(u.title, (pieces.get(u.title) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const u of measured) {
    const n = pieces.get(u.title)!;
    if (n > 1) {
      const i = (seen.get(u.title) ?? 0) + 1;
      seen.set(u.title, i);
      u.title = `${u.title} (${i}/${n})`;
    }
  }
  const parts: Array<typeof measured> = [];
  let size = Infinity;
  let edgeCount = Infinity;
  for (const u of measured) {
    if (size + u.size > limit || edgeCount + u.edgeCount > MAX_EDGES) {
      parts.push([]);
      size = 0;
      edgeCount = 0;
    }
    parts[parts.length - 1].push(u);
    size += u.size;
    edgeCount += u.edgeCount;
  }
  return parts.map((part) => {
    // A part of one unit is the chart that measured it, under the unit's final title.
    const { chart, nodes } = part.length === 1 ? part[0].built : build(part);
    if (part.length === 1) chart.groups[0].title = part[0].title;
    return { type: 'dependencies', source: print(chart), title: `${plan.title} – ${part.map((u) => u.title).join(', ')}`, nodes, omitted: [] };
  });
}
