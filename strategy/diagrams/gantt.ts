// Gantt roadmap: one section per group, one bar per measure, its milestones below it, a marker
// at the as-of date (a vertical line, or a milestone row for older Mermaid versions). The diagram is first built as a small tree (sections → tasks); only
// `printTask`/`header` turn it into Mermaid text, escaping every user string on the way.
import { mermaidStatementText, mermaidText, oneLine, truncate } from './escape';
import { frontMatter, leftPaddingFor, sectionTitleLines, statusCss, type StatusLook } from './gantt-look';
import { packSections, DEFAULT_MAX_TEXT_SIZE, sourceSize, type Section, type Unit } from './pack';
import { FOREVER, measureLabel, type Plan, type PlannedMeasure } from './plan';
import type { DiagramNode, GanttFact, RoadmapDiagram } from './types';
import { message } from '../messages/index';

const TITLE_MAX = 60;

interface GanttTask {
  /** Plain text; escaped when printed. */
  label: string;
  id: string;
  tags: Array<'done' | 'active' | 'crit' | 'milestone' | 'vert'>;
  start: string;
  /** End day (inclusive); milestones and markers have none. */
  end?: string;
  /** An open end that goes on: drawn to the right edge of the chart (see `PlannedMeasure.bar`). */
  running?: boolean;
  /** Cancelled and paused bars look different (gantt-look.ts). */
  look?: StatusLook;
}

function printTask(t: GanttTask): string {
  const data = [...t.tags, t.id, t.start, t.end ?? '0d'].join(', ');
  return `  ${mermaidStatementText(t.label)} :${data}`;
}

const sectionLine = (title: string) => `  section ${mermaidStatementText(title)}`;

/** A section title in lines that fit the title column (`<br>` between escaped lines). */
const wrappedSectionLine = (lines: string[]) => `  section ${lines.map((l, i) => (i === 0 ? mermaidStatementText(l) : mermaidText(l))).join('<br>')}`;

/** Axis ticks that stay readable from a few months to a decade (about 8–16 labels). */
function axis(first: string, last: string, monthFormat: string): { format: string; tick: string } {
  const months = (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7));
  if (months <= 15) return { format: monthFormat, tick: '1month' };
  if (months <= 40) return { format: monthFormat, tick: '3month' };
  if (months <= 84) return { format: monthFormat, tick: '6month' };
  return { format: '%Y', tick: '12month' };
}

/** Legend entries, in the order the legend lists them (messages `diagram.look.*`). */
const LOOK_KEYS = ['planned', 'active', 'done', 'paused', 'cancelled', 'crit', 'milestone', 'openEnd', 'ai'] as const;
type LookKey = (typeof LOOK_KEYS)[number] | 'asOfLine' | 'asOfMilestone';

function measureTasks(plan: Plan, item: PlannedMeasure): { tasks: GanttTask[]; nodes: Record<string, DiagramNode>; looks: Set<LookKey>; fact: Omit<GanttFact, 'section'> } {
  const { labels, period } = plan;
  const m = item.measure;
  const tasks: GanttTask[] = [];
  const nodes: Record<string, DiagramNode> = {};
  const looks = new Set<LookKey>();
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const fact: Omit<GanttFact, 'section'> = {
    measure: String(m.id ?? ''),
    title: `${item.ai ? `${labels.ai} · ` : ''}${measureLabel(m)}`,
    start: text(m.start),
    end: text(m.end),
    openEnd: Boolean(item.bar?.openEnd),
    status: m.status && labels.status[m.status] ? labels.status[m.status] : undefined,
    milestones: [],
  };
  if (item.bar) {
    const notes: string[] = [];
    if (m.status === 'cancelled' || m.status === 'paused') notes.push(labels.status[m.status]);
    if (item.bar.openStart) notes.push(labels.openStart);
    if (item.bar.openEnd) notes.push(labels.openEnd);
    if (item.critical) notes.push(labels.critical);
    const tags: GanttTask['tags'] = [];
    if (item.overdue || item.errors || item.critical) tags.push('crit');
    if (m.status === 'completed') tags.push('done');
    else if (m.status === 'active' || m.status === 'pilot') tags.push('active');
    const start = period && item.bar.start < period.first ? period.first : item.bar.start;
    const end = period && item.bar.end > period.last ? period.last : item.bar.end;
    const label = `${item.ai ? `${labels.ai} · ` : ''}${truncate(measureLabel(m), TITLE_MAX)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
    const look = m.status === 'cancelled' || m.status === 'paused' ? m.status : undefined;
    tasks.push({ label, id: item.nodeId, tags, start, end, running: item.bar.running, look });
    looks.add(look ?? (tags.includes('done') ? 'done' : tags.includes('active') ? 'active' : 'planned'));
    if (tags.includes('crit')) looks.add('crit');
    if (item.bar.openEnd) looks.add('openEnd');
    if (item.ai) looks.add('ai');
    nodes[item.nodeId] = { measure: m.id, file: m.origin.file };
    const was = item.baselineBar;
    if (was && plan.options.baseline && (!period || (was.start <= period.last && was.end >= period.first))) {
      // The earlier plan right under the bar, grey (`done`), so that the shift is seen at a glance.
      const id = `${item.nodeId}_b`;
      tasks.push({ label: `${truncate(measureLabel(m), TITLE_MAX)} (${labels.baseline(plan.options.baseline.label)})`, id, tags: ['done'], start: period && was.start < period.first ? period.first : was.start, end: period && was.end > period.last ? period.last : was.end, running: was.running });
      nodes[id] = { measure: m.id, file: m.origin.file };
    }
  }
  for (const ms of item.milestones) {
    if (ms.cancelled || !ms.due || !ms.inPeriod) continue;
    const tags: GanttTask['tags'] = ['milestone'];
    if (ms.done) tags.push('done');
    if (ms.overdue || ms.critical) tags.push('crit');
    // Without its measure's bar above it, a milestone names its measure: 26 undated register
    // entries with a milestone „Inbetriebnahme“ each gave 26 identical rows.
    const own = truncate(ms.milestone.title || ms.milestone.id || '?', TITLE_MAX);
    const title = item.bar ? own : `${own} – ${item.ai ? `${labels.ai} · ` : ''}${truncate(measureLabel(m), TITLE_MAX)}`;
    tasks.push({ label: ms.critical ? `${title} (${labels.critical})` : title, id: ms.nodeId, tags, start: ms.due });
    fact.milestones.push(`${oneLine(ms.milestone.title || ms.milestone.id || '?')} (${text(ms.milestone.date) ?? ms.due})`);
    looks.add('milestone');
    if (ms.done) looks.add('done');
    if (tags.includes('crit')) looks.add('crit');
    if (!item.bar && item.ai) looks.add('ai');
    nodes[ms.nodeId] = { measure: m.id, milestone: ms.milestone.id, file: m.origin.file };
  }
  return { tasks, nodes, looks, fact };
}

/** The gantt roadmap as one or more Mermaid sources (split by group above the size limit). */
export function ganttDiagrams(plan: Plan): RoadmapDiagram[] {
  const { labels, options, period } = plan;
  let first: string | undefined;
  let last: string | undefined;
  const grouped = plan.groups.map((group) => {
    const units: Array<{ tasks: GanttTask[]; nodes: Record<string, DiagramNode>; looks: Set<LookKey>; fact: GanttFact }> = [];
    const omitted: string[] = [];
    for (const item of group.items) {
      const { tasks, nodes, looks, fact } = measureTasks(plan, item);
      if (tasks.length === 0) {
        omitted.push(item.measure.id);
        continue;
      }
      units.push({ tasks, nodes, looks, fact: { section: group.title, ...fact } });
      for (const t of tasks) {
        if (!first || t.start < first) first = t.start;
        const end = t.end ?? t.start;
        if (!last || end > last) last = end;
      }
    }
    return { title: group.title, units, omitted };
  });

  const showMarker = !period || (options.asOf >= period.first && options.asOf <= period.last);
  if (showMarker) {
    if (!first || options.asOf < first) first = options.asOf;
    if (!last || options.asOf > last) last = options.asOf;
  }
  // Open ends that go on reach the right edge: the period's end, else the last date shown. They
  // were never dropped or cut short by a period (issue 13: they vanished under --from/--to).
  const edge = period && period.last !== FOREVER ? period.last : last;
  if (edge && (!last || edge > last)) last = edge;
  const sections: Section[] = [];
  // What each unit adds to its part's legend and text alternative (units keep their identity when packed).
  const textOf = new Map<Unit, { used: Set<LookKey>; fact: GanttFact }>();
  for (const group of grouped) {
    const units: Unit[] = group.units.map(({ tasks, nodes, looks: used, fact }) => {
      const looks = tasks.filter((t) => t.look).map((t) => ({ id: t.id, look: t.look! }));
      const unit: Unit = {
        lines: tasks.map((t) => printTask(t.running && edge && t.end && t.end < edge ? { ...t, end: edge } : t)),
        nodes,
        looks,
        // Each styled bar adds two selectors to the front matter.
        extra: looks.reduce((n, l) => n + 2 * (l.id.length + 16), 0),
      };
      textOf.set(unit, { used, fact });
      return unit;
    });
    if (units.length || group.omitted.length) sections.push({ title: group.title, units, omitted: group.omitted });
  }

  const { format, tick } = axis(first ?? options.asOf, last ?? options.asOf, labels.monthAxis);
  const header = (title: string, config: string[] = []): string[] => [
    ...config,
    'gantt',
    `  title ${mermaidStatementText(title)}`,
    '  dateFormat YYYY-MM-DD',
    `  axisFormat ${format}`,
    `  tickInterval ${tick}`,
    // End dates in the source are the last day of a measure, as in the strategy files.
    '  inclusiveEndDates',
    // Mermaid's own marker shows the real today; the roadmap's "today" is the as-of date.
    '  todayMarker off',
    // `vert` (a vertical line) needs Mermaid ≥ 11.7; a milestone renders everywhere.
    ...(showMarker ? [printTask({ label: labels.asOf(options.asOf), id: 'asof', tags: [options.asOfMarker === 'line' ? 'vert' : 'milestone'], start: options.asOf })] : []),
  ];

  const visible = sections.filter((s) => s.units.length > 0);
  if (visible.length === 0) {
    const title = `${plan.title} – ${labels.noMeasures}`;
    return [{ type: 'gantt', source: header(title).join('\n') + '\n', title, nodes: {}, omitted: sections.flatMap((s) => s.omitted ?? []) }];
  }
  // Room for the header twice over, and for the front matter's fixed part and left padding.
  const budget = (options.maxTextSize ?? DEFAULT_MAX_TEXT_SIZE) - sourceSize(header(`${plan.title} – ${'x'.repeat(TITLE_MAX + 20)}`)) * 2 - 400;
  // A wrapped title adds at most two `<br>`.
  const parts = packSections(visible, budget, (t) => `${sectionLine(t)}<br><br>`);
  const omittedOnly = sections.filter((s) => s.units.length === 0).flatMap((s) => s.omitted ?? []);
  return parts.map((part, i): RoadmapDiagram => {
    const title = parts.length === 1 ? plan.title : `${plan.title} – ${part.map((s) => s.title).join(', ')}`;
    const body: string[] = [];
    const titleLines: string[] = [];
    const looks: Record<StatusLook, string[]> = { cancelled: [], paused: [] };
    const nodes: Record<string, DiagramNode> = {};
    const used = new Set<LookKey>();
    const facts: GanttFact[] = [];
    if (showMarker) used.add(options.asOfMarker === 'line' ? 'asOfLine' : 'asOfMilestone');
    for (const section of part) {
      // As many title lines as the section has rows, so that the title stays in its band.
      const shown = sectionTitleLines(section.title, section.units.reduce((n, u) => n + u.lines.length, 0));
      titleLines.push(...shown);
      body.push(wrappedSectionLine(shown));
      for (const unit of section.units) {
        body.push(...unit.lines);
        Object.assign(nodes, unit.nodes);
        for (const l of unit.looks ?? []) looks[l.look as StatusLook].push(l.id);
        const t = textOf.get(unit);
        if (t) {
          t.used.forEach((k) => used.add(k));
          facts.push(t.fact);
        }
      }
    }
    const config = frontMatter(leftPaddingFor(titleLines), statusCss(looks));
    const lines = [...header(parts.length === 1 ? title : `${plan.title} – ${truncate(part.map((s) => s.title).join(', '), TITLE_MAX + 20)}`, config), ...body];
    const omitted = [...part.flatMap((s) => s.omitted ?? []), ...(i === 0 ? omittedOnly : [])];
    const legend = ([...LOOK_KEYS, 'asOfLine', 'asOfMilestone'] as const).filter((k) => used.has(k)).map((k) => message(options.lang, `diagram.look.${k}`));
    return { type: 'gantt', source: lines.join('\n') + '\n', title, nodes, omitted, legend, facts };
  });
}
