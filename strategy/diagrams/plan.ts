// Everything the three diagrams share: which measures are selected, their resolved dates and
// states, the groups, and stable Mermaid ids. Computed once per roadmap, linear in the measures.
import { addDays, isDay, parseDateSpan, type Day, type DateSpan } from '../dates';
import { MEASURE_STATUSES, type Measure, type Milestone, type Model } from '../model/types';
import { diagramLabels, type DiagramLabels } from './labels';
import { schedule, type Schedule } from '../schedule/schedule';
import { MessageError } from '../messages/index';
import type { RoadmapInput, RoadmapOptions } from './types';

/** A lone start or end date still gets a bar at least this long, so that it stays visible. */
const MIN_OPEN_BAR_DAYS = 30;

export interface PlannedMilestone {
  milestone: Milestone;
  /** Mermaid id: the measure's id plus the milestone's position, e.g. `m3_2`. */
  nodeId: string;
  /** Due day: the last day of the milestone's date (a coarse `2026-Q2` is due on 30 June). */
  due?: Day;
  done: boolean;
  cancelled: boolean;
  overdue: boolean;
  /** Inside the `--from/--to` period (always true without one). */
  inPeriod: boolean;
  /** On the critical path (only with the `criticalPath` option). */
  critical?: boolean;
}

export interface PlannedMeasure {
  measure: Measure;
  nodeId: string;
  groupKey: string;
  /**
   * Bar of the measure; undefined when it has neither start nor end. `running`: an open end of a
   * measure that is not completed or cancelled – it goes on, so the gantt draws it to the right
   * edge (the period's end, else the last date shown) instead of its minimum length.
   */
  bar?: { start: Day; end: Day; openStart: boolean; openEnd: boolean; running: boolean };
  ai: boolean;
  errors: boolean;
  warnings: boolean;
  overdue: boolean;
  /** On the critical path (only with the `criticalPath` option). */
  critical?: boolean;
  /** The bar at the baseline (`baseline` option), when the measure existed then and its dates differ. */
  baselineBar?: { start: Day; end: Day; running: boolean };
  milestones: PlannedMilestone[];
}

export interface PlanGroup {
  key: string;
  title: string;
  /** The group of measures without a field, owner or status. */
  none: boolean;
  items: PlannedMeasure[];
}

export interface Plan {
  model: Model;
  options: RoadmapOptions;
  labels: DiagramLabels;
  title: string;
  period?: DateSpan;
  groups: PlanGroup[];
  /** Selected measures, in diagram order. */
  items: PlannedMeasure[];
  byMeasure: Map<Measure, PlannedMeasure>;
}

/** Resolves a `--from`/`--to` value; throws a one-line error for anything that is not a strategy date. */
export function resolvePeriod(from: string | undefined, to: string | undefined): DateSpan | undefined {
  if (from === undefined && to === undefined) return undefined;
  const first = from === undefined ? undefined : parseDateSpan(from)?.first;
  const last = to === undefined ? undefined : parseDateSpan(to)?.last;
  if (from !== undefined && !first) throw new MessageError('cli.date.notADate', { option: '--from', value: from });
  if (to !== undefined && !last) throw new MessageError('cli.date.notADate', { option: '--to', value: to });
  const period = { first: first ?? '0000-01-01', last: last ?? FOREVER };
  if (period.first > period.last) throw new MessageError('cli.date.fromAfterTo', { from: from ?? '', to: to ?? '' });
  return period;
}

function barOf(m: Measure): PlannedMeasure['bar'] {
  const start = m.startSpan ?? parseDateSpan(m.start);
  const end = m.endSpan ?? parseDateSpan(m.end);
  if (start && end) return { start: start.first, end: end.last < start.first ? start.last : end.last, openStart: false, openEnd: false, running: false };
  if (start) {
    const running = m.status !== 'completed' && m.status !== 'cancelled';
    return { start: start.first, end: maxDay(start.last, addDays(start.first, MIN_OPEN_BAR_DAYS)), openStart: false, openEnd: true, running };
  }
  if (end) return { start: minDay(end.first, addDays(end.last, -MIN_OPEN_BAR_DAYS)), end: end.last, openStart: true, openEnd: false, running: false };
  return undefined;
}

/** A period given only by `--from` has no real end (resolvePeriod fills in 9999-12-31). */
export const FOREVER = '9999-12-31';

const maxDay = (a: Day, b: Day) => (a > b ? a : b);
const minDay = (a: Day, b: Day) => (a < b ? a : b);

/** A running bar (open end, not finished) reaches into every period after its start. */
function overlaps(a: { start: Day; end: Day; running?: boolean }, p: DateSpan): boolean {
  return a.start <= p.last && (a.running || a.end >= p.first);
}

/** Measure ids (and files, for findings without a measure) that have errors or warnings. */
function problemIndex(findings: RoadmapInput['findings']) {
  const errors = new Set<string>();
  const warnings = new Set<string>();
  for (const f of findings) {
    const set = f.severity === 'error' ? errors : f.severity === 'warning' ? warnings : undefined;
    set?.add(f.measure !== undefined ? `m:${f.measure}` : `f:${f.file}`);
  }
  return {
    errors: (m: Measure) => errors.has(`m:${m.id}`) || errors.has(`f:${m.origin.file}`),
    warnings: (m: Measure) => warnings.has(`m:${m.id}`) || warnings.has(`f:${m.origin.file}`),
  };
}

function groupOf(m: Measure, plan: Pick<Plan, 'model' | 'labels'>, by: RoadmapOptions['group']): Omit<PlanGroup, 'items'> {
  const { labels, model } = plan;
  if (by === 'owner') {
    const owner = typeof m.owner === 'string' ? m.owner.trim() : '';
    return owner ? { key: `o:${owner}`, title: owner, none: false } : { key: 'o:', title: labels.noOwner, none: true };
  }
  if (by === 'status') {
    return m.status && MEASURE_STATUSES.includes(m.status)
      ? { key: `s:${m.status}`, title: labels.status[m.status], none: false }
      : { key: 's:', title: labels.noStatus, none: true };
  }
  const field = typeof m.field?.id === 'string' ? m.field.id : undefined;
  if (field === undefined) return { key: 'f:', title: labels.noField, none: true };
  const known = model.fieldById.get(field);
  return { key: `f:${field}`, title: known ? known.title || field : labels.unknownField(field), none: false };
}

/** Order of groups: fields as in strategy.yaml, statuses in their lifecycle order, owners alphabetically; "none" last. */
function groupRank(plan: Pick<Plan, 'model'>, by: RoadmapOptions['group'], lang: string) {
  const fieldRank = new Map(plan.model.fields.map((f, i) => [`f:${f.id}`, i]));
  const statusRank = new Map(MEASURE_STATUSES.map((s, i) => [`s:${s}`, i]));
  const collator = new Intl.Collator(lang);
  return (a: PlanGroup, b: PlanGroup): number => {
    if (a.none !== b.none) return a.none ? 1 : -1;
    if (by === 'status') return (statusRank.get(a.key) ?? 99) - (statusRank.get(b.key) ?? 99);
    if (by === 'owner') return collator.compare(a.title, b.title);
    const ra = fieldRank.get(a.key);
    const rb = fieldRank.get(b.key);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined || rb !== undefined) return ra !== undefined ? -1 : 1;
    return collator.compare(a.title, b.title);
  };
}

/** Selects, dates and groups the measures for one roadmap. */
export function buildPlan(input: RoadmapInput, options: RoadmapOptions): Plan {
  if (typeof options.asOf !== 'string' || !isDay(options.asOf)) throw new RangeError(`asOf: "${String(options.asOf)}" is not a date (YYYY-MM-DD)`);
  const labels = diagramLabels(options.lang);
  const model = input.model;
  const period = resolvePeriod(options.from, options.to);
  const problems = problemIndex(input.findings);
  const asOf = options.asOf;
  const base = { model, labels };
  const collator = new Intl.Collator(options.lang);

  const groups = new Map<string, PlanGroup>();
  for (const measure of model.measures) {
    if (options.aiOnly && !measure.ai) continue;
    const bar = barOf(measure);
    const milestones = (measure.milestones ?? []).map((milestone): PlannedMilestone => {
      const due = (milestone.span ?? parseDateSpan(milestone.date))?.last;
      const done = milestone.status === 'done';
      const cancelled = milestone.status === 'cancelled';
      return {
        milestone,
        nodeId: '', // numbered below, in diagram order
        due,
        done,
        cancelled,
        overdue: !done && !cancelled && due !== undefined && due < asOf,
        inPeriod: !period || (due !== undefined && due >= period.first && due <= period.last),
      };
    });
    if (period) {
      // A measure without any date cannot be placed outside the period: it stays in the
      // selection, so that the gantt names it among the measures it cannot draw (`omitted`).
      const dated = milestones.some((ms) => ms.due !== undefined);
      const inPeriod = bar ? overlaps(bar, period) : !dated || milestones.some((ms) => ms.due !== undefined && ms.inPeriod);
      if (!inPeriod) continue;
    }
    const finished = measure.status === 'completed' || measure.status === 'cancelled';
    const g = groupOf(measure, base, options.group);
    const item: PlannedMeasure = {
      measure,
      nodeId: '',
      groupKey: g.key,
      bar,
      ai: Boolean(measure.ai),
      errors: problems.errors(measure),
      warnings: problems.warnings(measure),
      overdue: !finished && bar !== undefined && !bar.openEnd && bar.end < asOf,
      milestones,
    };
    let group = groups.get(g.key);
    if (!group) groups.set(g.key, (group = { ...g, items: [] }));
    group.items.push(item);
  }

  const ordered = [...groups.values()].sort(groupRank(base, options.group, options.lang));
  const items: PlannedMeasure[] = [];
  for (const group of ordered) {
    group.items.sort(
      (a, b) =>
        compareOptional(a.bar?.start, b.bar?.start) ||
        compareOptional(a.bar?.end, b.bar?.end) ||
        collator.compare(a.measure.title ?? '', b.measure.title ?? '') ||
        collator.compare(a.measure.id ?? '', b.measure.id ?? ''),
    );
    for (const item of group.items) {
      item.nodeId = `m${items.length + 1}`;
      item.milestones.forEach((ms, i) => (ms.nodeId = `${item.nodeId}_${i + 1}`));
      items.push(item);
    }
  }
  if (options.baseline) markBaseline(items, options.baseline.model);
  if (options.criticalPath) markCritical(items, schedule(model, { target: typeof options.criticalPath === 'string' ? options.criticalPath : undefined }));
  const title = typeof model.strategy.title === 'string' && model.strategy.title.trim() ? model.strategy.title : labels.roadmap;
  return { model, options, labels, title, period, groups: ordered, items, byMeasure: new Map(items.map((i) => [i.measure, i])) };
}

/** Sets the earlier bar of every measure whose dates moved since the baseline. */
function markBaseline(items: PlannedMeasure[], baseline: Model): void {
  for (const item of items) {
    const then = baseline.measureById.get(item.measure.id);
    const bar = then ? barOf(then) : undefined;
    if (bar && item.bar && (bar.start !== item.bar.start || bar.end !== item.bar.end)) item.baselineBar = { start: bar.start, end: bar.end, running: bar.running };
  }
}

/** Marks the measures and milestones on the critical path. */
function markCritical(items: PlannedMeasure[], s: Schedule): void {
  const critical = new Set(s.criticalPath.map((n) => n.node.kind === 'measure' ? n.node.measure : n.node.milestone));
  for (const item of items) {
    item.critical = critical.has(item.measure);
    for (const ms of item.milestones) ms.critical = critical.has(ms.milestone);
  }
}

/** Sorts defined values first, ascending. */
function compareOptional(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** Plain-text label of a measure (its title, else its id). */
export function measureLabel(m: Measure): string {
  const title = typeof m.title === 'string' ? m.title.trim() : '';
  return title || String(m.id ?? '');
}
