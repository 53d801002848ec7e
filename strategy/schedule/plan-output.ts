/**
 * `strategy plan` output: the schedule as stable JSON and as a Markdown document (mdast), in
 * German or English. The terminal view (cli/commands/plan.ts) prints the same rows.
 */
import type { Root, RootContent } from 'mdast';
import type { Lang } from '../types';
import type { Model } from '../model/types';
import type { DelayImpact, Schedule, ScheduledNode } from './schedule';
import { code, heading, list, paragraph, root, table } from '../report/mdast';

export const PLAN_LABELS = {
  de: {
    title: 'Kritischer Pfad und Puffer',
    target: (t: string, day: string) => `Ziel: ${t}, fällig am ${day}.`,
    horizon: (day: string) => `Ziel: Ende des Strategiezeitraums (${day}).`,
    noTarget: 'Ziel: nicht angegeben (weder Strategiezeitraum noch Daten).',
    path: 'Kritischer Pfad',
    noPath: 'Kein kritischer Pfad: keine datierten Maßnahmen, die zum Ziel führen.',
    all: 'Alle Maßnahmen und Meilensteine',
    columns: ['Maßnahme / Meilenstein', 'Geplant', 'Frühestens', 'Spätestens', 'Puffer (Tage)', 'Kritisch'],
    yes: 'ja',
    no: '',
    notStated: 'nicht angegeben',
    blocked: 'Abhängigkeitszyklus',
    negative: (n: number) => `${n} ${n === 1 ? 'Eintrag hat' : 'Einträge haben'} negativen Puffer: der Plan ist so nicht zu halten.`,
    slipTitle: (id: string, days: number) => `Wenn ${id} sich um ${days} ${days === 1 ? 'Tag' : 'Tage'} verschiebt`,
    slipColumns: ['Maßnahme / Meilenstein', 'Beginn/Datum (Tage)', 'Ende (Tage)', 'Neues Ende'],
    slipNone: 'Nichts weiter verschiebt sich.',
  },
  en: {
    title: 'Critical path and slack',
    target: (t: string, day: string) => `Target: ${t}, due ${day}.`,
    horizon: (day: string) => `Target: end of the strategy horizon (${day}).`,
    noTarget: 'Target: not stated (neither a horizon nor any dates).',
    path: 'Critical path',
    noPath: 'No critical path: no dated measures lead to the target.',
    all: 'All measures and milestones',
    columns: ['Measure / milestone', 'Planned', 'Earliest', 'Latest', 'Slack (days)', 'Critical'],
    yes: 'yes',
    no: '',
    notStated: 'not stated',
    blocked: 'dependency cycle',
    negative: (n: number) => `${n} ${n === 1 ? 'entry has' : 'entries have'} negative slack: the plan cannot hold as it is.`,
    slipTitle: (id: string, days: number) => `If ${id} slips by ${days} ${days === 1 ? 'day' : 'days'}`,
    slipColumns: ['Measure / milestone', 'Start/date (days)', 'End (days)', 'New end'],
    slipNone: 'Nothing else moves.',
  },
} as const;

/** One row per measure or milestone: what every format shows. */
export interface PlanRow {
  ref: string;
  kind: 'measure' | 'milestone';
  title: string;
  planned: { start?: string; end?: string };
  earliest: { start?: string; end?: string };
  latest: { start?: string; end?: string };
  slack?: number;
  critical: boolean;
  blocked: boolean;
}

export function planRows(s: Schedule): PlanRow[] {
  return s.nodes.map((n: ScheduledNode) => ({
    ref: n.ref,
    kind: n.node.kind,
    title: n.node.kind === 'measure' ? n.node.measure.title : n.node.milestone.title,
    planned: { start: n.start.planned, end: n.end.planned },
    earliest: { start: n.start.earliest, end: n.end.earliest },
    latest: { start: n.start.latest, end: n.end.latest },
    slack: n.slack,
    critical: n.critical,
    blocked: n.blocked,
  }));
}

/** The documented JSON (docs/plan.md): version 1. */
export function planJson(s: Schedule, impact?: { measure: string; days: number; moved: DelayImpact[] }): object {
  return {
    version: 1,
    target: { ref: s.target.ref ?? null, day: s.target.day ?? null },
    criticalPath: s.criticalPath.map((n) => n.ref),
    items: planRows(s).map((r) => ({ ...r, slack: r.slack ?? null })),
    ...(impact
      ? {
          slip: {
            measure: impact.measure,
            days: impact.days,
            moved: impact.moved.map((m) => ({ ref: m.ref, start: m.start, end: m.end, newStart: m.newStart ?? null, newEnd: m.newEnd ?? null })),
          },
        }
      : {}),
  };
}

const span = (a?: string, b?: string) => (a && b && a !== b ? `${a} – ${b}` : (a ?? b ?? ''));

export function targetLine(s: Schedule, lang: Lang): string {
  const L = PLAN_LABELS[lang];
  if (s.target.ref) return L.target(s.target.ref, s.target.day ?? L.notStated);
  return s.target.day ? L.horizon(s.target.day) : L.noTarget;
}

/** The plan as a Markdown document (headings, tables; user text only as text nodes). */
export function planDocument(model: Model, s: Schedule, lang: Lang, impact?: { measure: string; days: number; moved: DelayImpact[] }): Root {
  const L = PLAN_LABELS[lang];
  const rows = planRows(s);
  const out: RootContent[] = [heading(1, L.title, model.strategy.title ? ` – ${model.strategy.title}` : ''), paragraph(targetLine(s, lang))];
  const negative = rows.filter((r) => r.slack !== undefined && r.slack < 0).length;
  if (negative) out.push(paragraph(L.negative(negative)));
  out.push(heading(2, L.path));
  if (s.criticalPath.length) out.push(list(s.criticalPath.map((n) => [code(n.ref), ` ${n.node.kind === 'measure' ? n.node.measure.title : n.node.milestone.title} (${span(n.start.earliest, n.end.earliest)}; ${n.slack ?? L.notStated})`])));
  else out.push(paragraph(L.noPath));
  if (impact) {
    out.push(heading(2, L.slipTitle(impact.measure, impact.days)));
    if (impact.moved.length)
      out.push(
        table({
          caption: L.slipTitle(impact.measure, impact.days),
          columns: L.slipColumns.map((label, i) => ({ label, align: i === 1 || i === 2 ? 'right' : 'left' })),
          rows: impact.moved.map((m) => [code(m.ref), `+${m.start}`, `+${m.end}`, m.newEnd ?? L.notStated]),
        }),
      );
    else out.push(paragraph(L.slipNone));
  }
  out.push(heading(2, L.all));
  out.push(
    table({
      caption: L.all,
      columns: L.columns.map((label, i) => ({ label, align: i === 4 ? 'right' : 'left' })),
      rows: rows.map((r) => [
        [code(r.ref), ` ${r.title}`],
        span(r.planned.start, r.planned.end) || L.notStated,
        r.blocked ? L.blocked : span(r.earliest.start, r.earliest.end) || L.notStated,
        span(r.latest.start, r.latest.end),
        r.slack === undefined ? '' : String(r.slack),
        r.critical ? L.yes : L.no,
      ]),
    }),
  );
  return root(out);
}
