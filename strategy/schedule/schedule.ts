/**
 * Critical path and slack of a dated plan (critical path method on the dependency graph).
 *
 * Every measure is two events, its start (first day of `start`) and its end (last day of `end`);
 * every milestone is one event (last day of its `date`). Events wait for each other with a lag in
 * days:
 *
 * - a measure's end waits for its start by its planned length (`end − start`);
 * - a milestone waits for its measure's start by its planned distance from the start, and the
 *   measure's end waits for the milestone by the planned rest (never less than 0);
 * - a `depends_on` entry makes a measure's start, or a milestone, wait for the dependency's end
 *   (measure) or date (milestone) with lag 0: the same day is allowed, as in `schedule-conflict`.
 *
 * Forward pass: an event's earliest day is its planned day (nothing starts before its plan), or
 * later when what it waits for pushes it. Backward pass: an event's latest day is the deadline
 * (the horizon's end, a chosen target, or – for the `negative-slack` rule – open milestones'
 * own dates) or earlier when something that waits for it must start earlier. Slack = latest −
 * earliest, in days; negative slack is a plan that cannot hold.
 *
 * Cancelled measures and milestones take no part. Completed measures and done milestones are
 * facts: they stay at their planned days. A measure or milestone without a date passes timing
 * through with length 0 (its dependents still wait for what it waits for). Events in a
 * dependency cycle, and everything after one, get no dates (`dependency-cycle` reports the cycle).
 *
 * Linear in measures, milestones and `depends_on` entries: one topological order (Kahn), one
 * pass forward and one backward over integer arrays.
 */
import { dependencyGraph, type DependencyNode } from '../graph';
import type { Day } from '../dates';
import type { Measure, Model } from '../model/types';
import { dayNumber, dayString } from './days';

export interface ScheduleOptions {
  /**
   * The deadline the slack is measured against: a measure id (its end), a milestone
   * (`MEASURE/milestone`, its date), or undefined for the horizon's end (the last planned day
   * when the strategy states no horizon).
   */
  target?: string;
  /** Open milestones' own dates are deadlines too (the `negative-slack` rule). */
  milestoneDeadlines?: boolean;
  /** Measures that slip: measure id → days every event of the measure starts later. */
  slips?: ReadonlyMap<string, number>;
}

/** One event's days; `undefined` where not stated or not computable (cycle, no deadline). */
export interface EventTiming {
  planned?: Day;
  earliest?: Day;
  latest?: Day;
  /** latest − earliest, in days. */
  slack?: number;
  /** earliest − planned, in days: how far dependencies (or a slip) push this event. */
  pushed?: number;
}

export interface ScheduledNode {
  node: DependencyNode;
  /** `MEASURE` or `MEASURE/milestone`. */
  ref: string;
  /** Measure: its start; milestone: its date. */
  start: EventTiming;
  /** Measure: its end; milestone: the same as `start`. */
  end: EventTiming;
  /** The least slack of the node's events, in days (undefined: no deadline reaches it, or in/after a cycle). */
  slack?: number;
  /** On the critical path. */
  critical: boolean;
  /** In a dependency cycle, or waiting for one: no dates computed. */
  blocked: boolean;
}

export interface Schedule {
  /** Every measure and milestone that takes part, in topological order (dependencies first); blocked ones last. */
  nodes: ScheduledNode[];
  byRef: Map<string, ScheduledNode>;
  /** The deadline: `ref` of the target (undefined for the horizon's end) and its day. */
  target: { ref?: string; day?: Day };
  /** From the first dependency to the target: the chain with the least slack. */
  criticalPath: ScheduledNode[];
  /**
   * Why a node is late: from the first cause along what pushed it (the wait that set an earliest
   * day above its plan) to the node itself, as refs. Just the node when nothing pushes it.
   */
  pushChain(ref: string): string[];
}

/** A target that names no measure or milestone of the model. */
export class UnknownTargetError extends Error {
  constructor(readonly target: string) {
    super(`unknown target "${target}"`);
  }
}

const NONE = 0x7fffffff;

interface EventGraph {
  /** The dependency graph's shape the events were built on (ids, `depends_on`), and its nodes (cancelled ones too). */
  shape: object;
  graphNodes: readonly DependencyNode[];
  /** The nodes that take part (not cancelled); `nodeOf[i]` is the position in `nodes` of graph node i, or -1. */
  nodes: DependencyNode[];
  nodeOf: Int32Array;
  /** Per event: 1 for a milestone's date. */
  milestoneEvent: Uint8Array;
  /** Per node: its start/date event; per measure node: its end event (milestones: the same). */
  startEvent: Int32Array;
  endEvent: Int32Array;
  eventNode: Int32Array;
  planned: Int32Array;
  fixed: Uint8Array;
  /** Edges pred → succ with a lag, as compressed rows both ways (a list per event costs 8 MB more at 5,000 measures: BENCHMARKS.md). */
  succStart: Int32Array;
  succ: Int32Array;
  succLag: Int32Array;
  predStart: Int32Array;
  pred: Int32Array;
  predLag: Int32Array;
  /** Per edge slot: 1 where the lag is the planned distance within a measure (else 0: a `depends_on` entry). */
  succPlanned: Uint8Array;
  predPlanned: Uint8Array;
}

function isCancelled(node: DependencyNode): boolean {
  return node.measure.status === 'cancelled' || (node.kind === 'milestone' && node.milestone.status === 'cancelled');
}

/** Planned day and whether it is a fact (completed, done), for a node's start/date and end events. */
function plan(g: Pick<EventGraph, 'planned' | 'fixed' | 'startEvent' | 'endEvent'>, n: DependencyNode, i: number): void {
  if (n.kind === 'measure') {
    const fixed = n.measure.status === 'completed' ? 1 : 0;
    g.planned[g.startEvent[i]] = dayNumber(n.measure.startSpan?.first) ?? NONE;
    g.planned[g.endEvent[i]] = dayNumber(n.measure.endSpan?.last) ?? NONE;
    g.fixed[g.startEvent[i]] = fixed;
    g.fixed[g.endEvent[i]] = fixed;
  } else {
    g.planned[g.startEvent[i]] = dayNumber(n.milestone.span?.last) ?? NONE;
    g.fixed[g.startEvent[i]] = n.milestone.status === 'done' || n.measure.status === 'completed' ? 1 : 0;
  }
}

/** The lags within measures follow the planned days: recomputed whenever those change. */
function fillLags(g: EventGraph): void {
  const count = g.planned.length;
  const between = (a: number, b: number) => (g.planned[a] !== NONE && g.planned[b] !== NONE ? Math.max(0, g.planned[b] - g.planned[a]) : 0);
  for (let v = 0; v < count; v++) {
    for (let e = g.succStart[v]; e < g.succStart[v + 1]; e++) g.succLag[e] = g.succPlanned[e] ? between(v, g.succ[e]) : 0;
    for (let e = g.predStart[v]; e < g.predStart[v + 1]; e++) g.predLag[e] = g.predPlanned[e] ? between(g.pred[e], v) : 0;
  }
}

function buildEvents(model: Model): EventGraph {
  const graph = dependencyGraph(model);
  const nodes = graph.nodes.filter((n) => !isCancelled(n));
  const nodeIndex = new Map<DependencyNode, number>();
  nodes.forEach((n, i) => nodeIndex.set(n, i));
  const nodeOf = new Int32Array(graph.nodes.length).fill(-1);
  nodes.forEach((n, i) => (nodeOf[n.index] = i));
  const startEvent = new Int32Array(nodes.length);
  const endEvent = new Int32Array(nodes.length);
  const eventNodeList: number[] = [];
  nodes.forEach((n, i) => {
    startEvent[i] = eventNodeList.length;
    eventNodeList.push(i);
    if (n.kind === 'measure') {
      endEvent[i] = eventNodeList.length;
      eventNodeList.push(i);
    } else endEvent[i] = startEvent[i];
  });
  const count = eventNodeList.length;
  const from: number[] = [];
  const to: number[] = [];
  const planned: number[] = [];
  const add = (a: number, b: number, withinMeasure: boolean) => {
    from.push(a);
    to.push(b);
    planned.push(withinMeasure ? 1 : 0);
  };
  nodes.forEach((n, i) => {
    if (n.kind === 'measure') add(startEvent[i], endEvent[i], true);
    else {
      const owner = nodeIndex.get(graph.resolve(n.measure.id)!);
      if (owner !== undefined) {
        add(startEvent[owner], startEvent[i], true);
        add(startEvent[i], endEvent[owner], true);
      }
    }
    for (const edge of graph.dependenciesOf(n)) {
      const dep = nodeIndex.get(edge.to);
      if (dep === undefined) continue; // cancelled dependency
      add(endEvent[dep], startEvent[i], false);
    }
  });
  const rows = (keys: number[], values: number[]) => {
    const start = new Int32Array(count + 1);
    for (const k of keys) start[k + 1]++;
    for (let v = 0; v < count; v++) start[v + 1] += start[v];
    const next = start.slice(0, count);
    const target = new Int32Array(keys.length);
    const flag = new Uint8Array(keys.length);
    keys.forEach((k, e) => {
      target[next[k]] = values[e];
      flag[next[k]++] = planned[e];
    });
    return { start, target, flag };
  };
  const s = rows(from, to);
  const p = rows(to, from);
  const g: EventGraph = {
    shape: graph.shapeToken,
    graphNodes: graph.nodes,
    nodes,
    nodeOf,
    milestoneEvent: Uint8Array.from(eventNodeList, (i) => (nodes[i].kind === 'milestone' ? 1 : 0)),
    startEvent,
    endEvent,
    eventNode: Int32Array.from(eventNodeList),
    planned: new Int32Array(count),
    fixed: new Uint8Array(count),
    succStart: s.start,
    succ: s.target,
    succLag: new Int32Array(s.target.length),
    predStart: p.start,
    pred: p.target,
    predLag: new Int32Array(p.target.length),
    succPlanned: s.flag,
    predPlanned: p.flag,
  };
  nodes.forEach((n, i) => plan(g, n, i));
  fillLags(g);
  return g;
}

/**
 * The events of a model whose graph has the shape of `previous` and the same cancelled measures
 * and milestones (what an edit of dates or other statuses leaves): the structure and its
 * topological order are shared; planned days are taken over for every node that is the same
 * object as before (the graph shares the nodes of unchanged measures) and worked out anew for
 * the others; the lags follow. Else undefined.
 */
function rebasedEvents(previous: { graph: EventGraph; order: Int32Array }, model: Model): { graph: EventGraph; order: Int32Array } | undefined {
  const graph = dependencyGraph(model);
  const before = previous.graph;
  if (before.shape !== graph.shapeToken) return undefined;
  const all = graph.nodes;
  if (all.length !== before.graphNodes.length) return undefined;
  let nodes: DependencyNode[] | undefined;
  const changed: number[] = [];
  for (let k = 0; k < all.length; k++) {
    const n = all[k];
    if (n === before.graphNodes[k]) continue;
    const i = before.nodeOf[k];
    if (isCancelled(n) !== i < 0) return undefined;
    if (i < 0) continue;
    (nodes ??= before.nodes.slice())[i] = n;
    changed.push(i);
  }
  if (!nodes) return { graph: { ...before, graphNodes: all }, order: previous.order };
  const g: EventGraph = { ...before, graphNodes: all, nodes, planned: before.planned.slice(), fixed: before.fixed.slice(), succLag: before.succLag.slice(), predLag: before.predLag.slice() };
  for (const i of changed) plan(g, nodes[i], i);
  fillLags(g);
  return { graph: g, order: previous.order };
}

/** Events in topological order (Kahn); events in or after a cycle are left out. */
function topological(g: EventGraph): Int32Array {
  const count = g.planned.length;
  const indegree = new Int32Array(count);
  for (let v = 0; v < count; v++) indegree[v] = g.predStart[v + 1] - g.predStart[v];
  const order = new Int32Array(count);
  let tail = 0;
  for (let v = 0; v < count; v++) if (indegree[v] === 0) order[tail++] = v;
  for (let head = 0; head < tail; head++) {
    const v = order[head];
    for (let e = g.succStart[v]; e < g.succStart[v + 1]; e++) if (--indegree[g.succ[e]] === 0) order[tail++] = g.succ[e];
  }
  return order.subarray(0, tail);
}

/** Builds the event graph once per model (a schedule per option set reuses it), on the last one's structure when it can. */
const cache = new WeakMap<Model, { graph: EventGraph; order: Int32Array }>();
let latestEvents: { graph: EventGraph; order: Int32Array } | undefined;

function eventsOf(model: Model): { graph: EventGraph; order: Int32Array } {
  let entry = cache.get(model);
  if (!entry) {
    entry = latestEvents && rebasedEvents(latestEvents, model);
    if (!entry) {
      const graph = buildEvents(model);
      entry = { graph, order: topological(graph) };
    }
    cache.set(model, entry);
    latestEvents = entry;
  }
  return entry;
}

/** The days of every event as integers (NONE: not stated, not computable); no objects per node. */
interface EventDays {
  g: EventGraph;
  order: Int32Array;
  earliest: Int32Array;
  latest: Int32Array;
  notBefore: Int32Array;
  targetRef?: string;
  targetEvent: number;
  targetDay: number;
}

function eventDays(model: Model, options: ScheduleOptions, events = eventsOf(model)): EventDays {
  const { graph: g, order } = events;
  const count = g.planned.length;
  const earliest = new Int32Array(count).fill(NONE);
  const latest = new Int32Array(count).fill(NONE);
  const notBefore = g.planned.slice();
  if (options.slips) {
    g.nodes.forEach((n, i) => {
      const days = options.slips!.get(n.measure.id);
      if (!days) return;
      for (const e of new Set([g.startEvent[i], g.endEvent[i]])) if (!g.fixed[e] && notBefore[e] !== NONE) notBefore[e] += days;
    });
  }
  // Forward: earliest = max(planned (+ slip), what it waits for + lag); facts stay put.
  for (const v of order) {
    let day = notBefore[v];
    if (!g.fixed[v] || day === NONE) {
      for (let e = g.predStart[v]; e < g.predStart[v + 1]; e++) {
        const p = g.pred[e];
        if (earliest[p] !== NONE && (day === NONE || earliest[p] + g.predLag[e] > day)) day = earliest[p] + g.predLag[e];
      }
    }
    earliest[v] = day;
  }

  // Deadlines.
  let targetRef: string | undefined;
  let targetEvent = -1;
  let targetDay = NONE;
  if (options.target !== undefined) {
    const node = dependencyGraph(model).resolve(options.target);
    const i = node ? g.nodes.indexOf(node) : -1;
    if (i < 0) throw new UnknownTargetError(options.target);
    targetRef = node!.ref;
    targetEvent = g.endEvent[i];
    targetDay = g.planned[targetEvent] !== NONE ? g.planned[targetEvent] : earliest[targetEvent];
  } else {
    targetDay = dayNumber(model.strategy.horizonSpan?.last) ?? NONE;
    if (targetDay === NONE) for (const v of order) if (g.planned[v] !== NONE && (targetDay === NONE || g.planned[v] > targetDay)) targetDay = g.planned[v];
  }
  const deadline = (v: number): number => {
    let d = NONE;
    if (targetEvent < 0) d = targetDay;
    else if (v === targetEvent) d = targetDay;
    if (options.milestoneDeadlines && g.planned[v] !== NONE && g.milestoneEvent[v] && !g.fixed[v] && (d === NONE || g.planned[v] < d)) d = g.planned[v];
    return d;
  };
  // Backward: latest = min(deadline, what waits for it − lag).
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k];
    let day = deadline(v);
    for (let e = g.succStart[v]; e < g.succStart[v + 1]; e++) {
      const s = g.succ[e];
      if (latest[s] !== NONE && (day === NONE || latest[s] - g.succLag[e] < day)) day = latest[s] - g.succLag[e];
    }
    latest[v] = day;
  }
  return { g, order, earliest, latest, notBefore, targetRef, targetEvent, targetDay };
}

/**
 * Why an event is late: from the first cause along what pushed it (the wait that set an earliest
 * day above its plan) to the node itself, as refs.
 */
function pushChainOf(d: EventDays, i: number): string[] {
  const { g, earliest, notBefore } = d;
  const chain: string[] = [];
  for (let v = g.endEvent[i]; v >= 0; ) {
    const r = g.nodes[g.eventNode[v]].ref;
    if (chain[chain.length - 1] !== r) chain.push(r);
    if (earliest[v] === NONE || (g.planned[v] !== NONE && earliest[v] <= notBefore[v])) break;
    let next = -1;
    for (let e = g.predStart[v]; e < g.predStart[v + 1] && next < 0; e++) if (earliest[g.pred[e]] !== NONE && earliest[g.pred[e]] + g.predLag[e] === earliest[v]) next = g.pred[e];
    v = next; // strictly earlier days or the same day along lag 0: the walk ends (the order is acyclic)
  }
  return chain.reverse();
}

/** The schedule of a model: earliest and latest days, slack, the critical path. */
export function schedule(model: Model, options: ScheduleOptions = {}): Schedule {
  return scheduleOn(model, options, eventsOf(model));
}

/** The schedule on events built anew, sharing nothing with earlier models: the reference the cached paths are tested against. */
export function scheduleFromScratch(model: Model, options: ScheduleOptions = {}): Schedule {
  const graph = buildEvents(model);
  return scheduleOn(model, options, { graph, order: topological(graph) });
}

function scheduleOn(model: Model, options: ScheduleOptions, events: { graph: EventGraph; order: Int32Array }): Schedule {
  const days = eventDays(model, options, events);
  const { g, order, earliest, latest, targetRef, targetEvent, targetDay } = days;
  const count = g.planned.length;
  const timing = (v: number): EventTiming => {
    const t: EventTiming = {};
    if (g.planned[v] !== NONE) t.planned = dayString(g.planned[v]);
    if (earliest[v] !== NONE) t.earliest = dayString(earliest[v]);
    if (latest[v] !== NONE) t.latest = dayString(latest[v]);
    if (earliest[v] !== NONE && latest[v] !== NONE) t.slack = latest[v] - earliest[v];
    if (earliest[v] !== NONE && g.planned[v] !== NONE) t.pushed = earliest[v] - g.planned[v];
    return t;
  };
  const placed = new Uint8Array(count);
  for (const v of order) placed[v] = 1;
  const scheduled: ScheduledNode[] = g.nodes.map((node, i) => {
    const start = timing(g.startEvent[i]);
    const end = g.endEvent[i] === g.startEvent[i] ? start : timing(g.endEvent[i]);
    const slacks = [start.slack, end.slack].filter((s): s is number => s !== undefined);
    return {
      node,
      ref: node.ref,
      start,
      end,
      slack: slacks.length ? Math.min(...slacks) : undefined,
      critical: false,
      blocked: !placed[g.startEvent[i]] || !placed[g.endEvent[i]],
    };
  });

  // The critical path: from the target back along the predecessor with the least slack.
  let from = targetEvent;
  if (from < 0) {
    let best = NONE;
    for (const v of order) {
      const slack = latest[v] !== NONE && earliest[v] !== NONE ? latest[v] - earliest[v] : NONE;
      const isEnd = g.succStart[v + 1] === g.succStart[v];
      if (isEnd && slack !== NONE && (from < 0 || slack < best || (slack === best && earliest[v] > earliest[from]))) {
        from = v;
        best = slack;
      }
    }
  }
  const path: number[] = [];
  if (from >= 0 && placed[from]) {
    for (let v = from; v >= 0; ) {
      const node = g.eventNode[v];
      if (path[path.length - 1] !== node) path.push(node);
      let next = -1;
      let nextSlack = NONE;
      for (let e = g.predStart[v]; e < g.predStart[v + 1]; e++) {
        const p = g.pred[e];
        if (earliest[p] === NONE || latest[p] === NONE) continue;
        const slack = latest[p] - earliest[p];
        if (next < 0 || slack < nextSlack) {
          next = p;
          nextSlack = slack;
        }
      }
      v = next;
    }
  }
  path.reverse();
  // A milestone's measure appears around it (start → milestone → end): keep each node once.
  const seen = new Set<number>();
  const criticalPath: ScheduledNode[] = [];
  for (const i of path) {
    if (seen.has(i)) continue;
    seen.add(i);
    scheduled[i].critical = true;
    criticalPath.push(scheduled[i]);
  }

  const rank = new Int32Array(g.nodes.length).fill(NONE);
  order.forEach((v, k) => {
    const i = g.eventNode[v];
    if (rank[i] === NONE) rank[i] = k;
  });
  const nodes = scheduled.map((s, i) => ({ s, r: rank[i], i })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.s);
  const indexOf = new Map(g.nodes.map((n, i) => [n.ref, i]));
  const pushChain = (ref: string): string[] => {
    const i = indexOf.get(ref);
    return i === undefined ? [] : pushChainOf(days, i);
  };
  return {
    nodes,
    byRef: new Map(scheduled.map((s) => [s.ref, s])),
    target: { ref: targetRef, day: targetDay !== NONE ? dayString(targetDay) : undefined },
    criticalPath,
    pushChain,
  };
}

/** What moves when one measure slips: every measure and milestone whose earliest day changes. */
export interface DelayImpact {
  ref: string;
  node: DependencyNode;
  /** Days the start (milestone: its date) and the end move. */
  start: number;
  end: number;
  /** The new earliest days. */
  newStart?: Day;
  newEnd?: Day;
}

/** Delay propagation: what moves, and by how many days, if `measure` slips by `days`. */
export function delayImpact(model: Model, measure: string, days: number, options: Omit<ScheduleOptions, 'slips'> = {}): DelayImpact[] {
  const before = schedule(model, options);
  const after = schedule(model, { ...options, slips: new Map([[measure, days]]) });
  const out: DelayImpact[] = [];
  for (const b of before.nodes) {
    const a = after.byRef.get(b.ref)!;
    const moved = (x?: Day, y?: Day) => (x && y ? dayNumber(y)! - dayNumber(x)! : 0);
    const start = moved(b.start.earliest, a.start.earliest);
    const end = moved(b.end.earliest, a.end.earliest);
    if (start || end) out.push({ ref: b.ref, node: b.node, start, end, newStart: a.start.earliest, newEnd: a.end.earliest });
  }
  return out;
}

/**
 * Where the plan cannot hold (the `negative-slack` rule): an open milestone, or a measure's end,
 * that its dependencies push past its deadline. Plain data – positions in `model.measures` and
 * its milestones – so that it can be reused for a later model with the same schedule inputs.
 */
export interface SlackViolation {
  /** Position of the measure in `model.measures`. */
  measure: number;
  /** Position of the milestone in the measure's `milestones`; undefined: the measure's end. */
  milestone?: number;
  /** The chain that pushes it, as refs (first cause first). */
  chain: string[];
  earliest: Day;
  /** Days of negative slack (positive). */
  days: number;
  /** For a measure's end: the deadline (the horizon's end, or the last planned day without one). */
  target?: Day;
}

/** The violations of a schedule: all (in the schedule's order) and per measure position. */
export interface SlackViolations {
  all: readonly SlackViolation[];
  /**
   * Per position in `model.measures`: its violations, or undefined. A measure's list is the same
   * object as in the last computation while its content is the same, so that its findings can be
   * replayed when an edit moves other parts of the schedule.
   */
  byMeasure: ReadonlyArray<readonly SlackViolation[] | undefined>;
}

/**
 * The last computed violations with the inputs they came from. An editor's lint after an edit
 * that leaves every date, status, milestone and dependency as it was (most typing) reuses them:
 * no schedule is computed. Compared per measure by object first, so the check costs a pointer
 * comparison per unchanged measure.
 */
let latestSlack: { measures: readonly Measure[]; shape: object; horizon?: string; horizonLast?: string; violations: SlackViolations } | undefined;

/** Everything of one measure the schedule and its violations read, besides the graph's shape (ids, `depends_on`; a milestone's path is its position). */
function sameScheduleInputs(a: Measure, b: Measure): boolean {
  if (a.status !== b.status || a.end !== b.end || a.startSpan?.first !== b.startSpan?.first || a.endSpan?.last !== b.endSpan?.last) return false;
  if (a.milestones.length !== b.milestones.length) return false;
  for (let k = 0; k < a.milestones.length; k++) {
    const x = a.milestones[k];
    const y = b.milestones[k];
    if (x.id !== y.id || x.status !== y.status || x.date !== y.date || x.span?.last !== y.span?.last) return false;
  }
  return true;
}

function sameViolations(a: readonly SlackViolation[], b: readonly SlackViolation[]): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i];
    return x.measure === y.measure && x.milestone === y.milestone && x.earliest === y.earliest && x.days === y.days && x.target === y.target && x.chain.length === y.chain.length && x.chain.every((r, j) => r === y.chain[j]);
  });
}

/** Where the plan cannot hold, in the schedule's order (topological, dependencies first). */
export function slackViolations(model: Model): readonly SlackViolation[] {
  return slackViolationsOf(model).all;
}

export function slackViolationsOf(model: Model): SlackViolations {
  const shape = dependencyGraph(model).shapeToken;
  const measures = model.measures;
  const horizon = model.strategy.horizon?.end;
  const horizonLast = model.strategy.horizonSpan?.last;
  const last = latestSlack;
  const sameLength = last !== undefined && last.measures.length === measures.length;
  if (sameLength && last.shape === shape && last.horizon === horizon && last.horizonLast === horizonLast) {
    let same = true;
    for (let i = 0; i < measures.length && same; i++) if (last.measures[i] !== measures[i] && !sameScheduleInputs(last.measures[i], measures[i])) same = false;
    if (same) {
      latestSlack = { ...last, measures };
      return last.violations;
    }
  }
  const all = computeSlackViolations(model);
  const byMeasure: Array<SlackViolation[] | undefined> = new Array(measures.length);
  for (const v of all) (byMeasure[v.measure] ??= []).push(v);
  if (sameLength) {
    const before = last.violations.byMeasure;
    for (let i = 0; i < measures.length; i++) {
      const old = before[i];
      const now = byMeasure[i];
      if (old && now && sameViolations(old, now)) byMeasure[i] = old as SlackViolation[];
    }
  }
  const violations = { all, byMeasure };
  latestSlack = { measures, shape, horizon, horizonLast, violations };
  return violations;
}

function computeSlackViolations(model: Model): SlackViolation[] {
  const d = eventDays(model, { milestoneDeadlines: true });
  const { g, earliest, latest } = d;
  const placed = new Uint8Array(g.planned.length);
  for (const v of d.order) placed[v] = 1;
  const target = d.targetDay !== NONE ? dayString(d.targetDay) : undefined;
  const position = new Map<Measure, number>();
  const positionOf = (m: Measure) => {
    if (!position.size) model.measures.forEach((x, i) => position.set(x, i));
    return position.get(m)!;
  };
  const found: Array<{ violation: SlackViolation; rank: number; node: number }> = [];
  const rank = new Int32Array(g.nodes.length).fill(NONE);
  d.order.forEach((v, k) => {
    const i = g.eventNode[v];
    if (rank[i] === NONE) rank[i] = k;
  });
  for (let i = 0; i < g.nodes.length; i++) {
    const node = g.nodes[i];
    if (!placed[g.startEvent[i]] || !placed[g.endEvent[i]]) continue;
    // Reported only where the event itself is pushed (planned, pushed later) and its slack is negative.
    const v = g.endEvent[i];
    if (earliest[v] === NONE || latest[v] === NONE || g.planned[v] === NONE) continue;
    const slack = latest[v] - earliest[v];
    if (slack >= 0 || earliest[v] - g.planned[v] <= 0) continue;
    if (node.kind === 'milestone') {
      const ms = node.milestone;
      if (ms.status !== 'open' || !ms.date) continue;
      const k = node.measure.milestones.indexOf(ms);
      found.push({ violation: { measure: positionOf(node.measure), milestone: k, chain: pushChainOf(d, i), earliest: dayString(earliest[v]), days: -slack }, rank: rank[i], node: i });
    } else {
      // A planned end already past the horizon is `outside-horizon`'s finding; here only a pushed one.
      const planned = dayString(g.planned[v]);
      const early = dayString(earliest[v]);
      if (!node.measure.end || !target || planned > target || early <= target) continue;
      found.push({ violation: { measure: positionOf(node.measure), chain: pushChainOf(d, i), earliest: early, days: -slack, target }, rank: rank[i], node: i });
    }
  }
  // In the order of the schedule's nodes (topological, dependencies first), as `schedule()` lists them.
  return found.sort((a, b) => a.rank - b.rank || a.node - b.node).map((x) => x.violation);
}
