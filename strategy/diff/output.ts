/**
 * A strategy diff for people and programs: plain sentences per measure (German or English), the
 * documented JSON (docs/diff.md, version 1) and a Markdown section (mdast) that the council
 * report reuses as „Änderungen seit der letzten Sitzung“.
 */
import type { RootContent } from 'mdast';
import type { Lang } from '../types';
import { LABELS } from '../report/labels';
import { makeFormatter } from '../format';
import { code, heading, list, paragraph, type Inline } from '../report/mdast';
import type { DateMove, FindingRef, MeasureDiff, MilestoneDiff, FundingDiff, StrategyDiff, ValueChange } from './diff';

export const DIFF_WORDS = {
  de: {
    title: 'Änderungen seit der letzten Sitzung',
    documentTitle: (since: string, until?: string) => (until ? `Änderungen von ${since} bis ${until}` : `Änderungen seit ${since}`),
    between: (since: string, sinceDay: string, until: string, untilDay: string) => `Verglichen wird der Stand ${since} (${sinceDay}) mit ${until} (${untilDay}).`,
    workingTree: 'dem aktuellen Stand der Dateien',
    summary: (s: StrategyDiff['summary']) =>
      `${s.added} neu, ${s.removed} entfernt, ${s.renamed} umbenannt, ${s.changed} geändert; ${s.slipped} ${s.slipped === 1 ? 'Maßnahme' : 'Maßnahmen'} mit späteren Terminen; ${s.milestonesDone} ${s.milestonesDone === 1 ? 'Meilenstein' : 'Meilensteine'} erreicht, ${s.milestonesOverdue} seitdem überfällig; ${s.newFindings} neue, ${s.changedFindings} geänderte und ${s.resolvedFindings} erledigte Befunde.`,
    nothing: 'Keine Änderungen.',
    added: 'neu',
    removed: 'entfernt',
    renamed: (from: string) => `umbenannt (vorher ${from})`,
    status: 'Status',
    start: 'Beginn',
    end: 'Ende',
    later: (n: number) => `${n} ${n === 1 ? 'Tag' : 'Tage'} später`,
    earlier: (n: number) => `${n} ${n === 1 ? 'Tag' : 'Tage'} früher`,
    milestone: (t: string) => `Meilenstein „${t}“`,
    milestoneAdded: 'neu',
    milestoneRemoved: 'entfernt',
    done: 'erreicht',
    overdue: (day: string) => `seitdem überfällig (fällig ${day})`,
    funding: (s: string) => `Förderung ${s}`,
    fundingAdded: 'neu',
    fundingRemoved: 'entfernt',
    amount: 'Betrag',
    risk: 'KI-Risikoklasse',
    dpia: 'Datenschutz-Folgenabschätzung',
    fria: 'Grundrechte-Folgenabschätzung',
    registration: 'EU-Registrierung',
    newFinding: 'neuer Befund',
    resolvedFinding: 'erledigter Befund',
    changedFinding: 'geänderter Befund',
    was: 'vorher',
    otherFindings: 'Befunde ohne Maßnahme',
    notStated: 'nicht angegeben',
  },
  en: {
    title: 'Changes since the last session',
    documentTitle: (since: string, until?: string) => (until ? `Changes from ${since} to ${until}` : `Changes since ${since}`),
    between: (since: string, sinceDay: string, until: string, untilDay: string) => `Compares the state at ${since} (${sinceDay}) with ${until} (${untilDay}).`,
    workingTree: 'the current files',
    summary: (s: StrategyDiff['summary']) =>
      `${s.added} new, ${s.removed} removed, ${s.renamed} renamed, ${s.changed} changed; ${s.slipped} ${s.slipped === 1 ? 'measure' : 'measures'} with later dates; ${s.milestonesDone} ${s.milestonesDone === 1 ? 'milestone' : 'milestones'} reached, ${s.milestonesOverdue} overdue since; ${s.newFindings} new, ${s.changedFindings} changed and ${s.resolvedFindings} resolved findings.`,
    nothing: 'No changes.',
    added: 'new',
    removed: 'removed',
    renamed: (from: string) => `renamed (was ${from})`,
    status: 'Status',
    start: 'Start',
    end: 'End',
    later: (n: number) => `${n} ${n === 1 ? 'day' : 'days'} later`,
    earlier: (n: number) => `${n} ${n === 1 ? 'day' : 'days'} earlier`,
    milestone: (t: string) => `Milestone "${t}"`,
    milestoneAdded: 'new',
    milestoneRemoved: 'removed',
    done: 'reached',
    overdue: (day: string) => `overdue since (due ${day})`,
    funding: (s: string) => `Funding ${s}`,
    fundingAdded: 'new',
    fundingRemoved: 'removed',
    amount: 'amount',
    risk: 'AI risk class',
    dpia: 'Data protection impact assessment',
    fria: 'Fundamental rights impact assessment',
    registration: 'EU registration',
    newFinding: 'new finding',
    resolvedFinding: 'resolved finding',
    changedFinding: 'changed finding',
    was: 'was',
    otherFindings: 'Findings without a measure',
    notStated: 'not stated',
  },
} as const;

type Words = (typeof DIFF_WORDS)[Lang];

/** One line of a measure's changes: plain text, and where a value is an id or a rule, that part as code. */
export type DiffLine = Inline[];

function vocabulary(lang: Lang) {
  const L = LABELS[lang];
  const fmt = makeFormatter(lang);
  const W = DIFF_WORDS[lang];
  const value = (table: Record<string, string>) => (v: string | undefined) => (v === undefined ? W.notStated : (table[v] ?? v));
  return {
    W,
    fmt,
    status: value(L.status),
    funding: value(L.funding),
    risk: value(L.risk),
    assessment: value(L.assessment),
    registration: value(L.registration),
    programme: (id: string) => id,
  };
}

function arrow<T>(c: ValueChange<T>, show: (v: T | undefined) => string): string {
  return `${show(c.from)} → ${show(c.to)}`;
}

function dateText(W: Words, fmt: ReturnType<typeof makeFormatter>, m: DateMove): string {
  const a = m.from === undefined ? W.notStated : fmt.date(m.from);
  const b = m.to === undefined ? W.notStated : fmt.date(m.to);
  const by = m.days === undefined || m.days === 0 ? '' : ` (${m.days > 0 ? W.later(m.days) : W.earlier(-m.days)})`;
  return `${a} → ${b}${by}`;
}

function milestoneLine(v: ReturnType<typeof vocabulary>, m: MilestoneDiff): DiffLine {
  const { W, fmt } = v;
  const parts: string[] = [];
  if (m.change === 'added') parts.push(W.milestoneAdded + (m.date?.to ? ` (${fmt.date(m.date.to)})` : ''));
  if (m.change === 'removed') parts.push(W.milestoneRemoved);
  if (m.date && m.change === 'changed') parts.push(dateText(W, fmt, m.date));
  if (m.doneSince) parts.push(W.done);
  else if (m.status) parts.push(`${W.status} ${arrow(m.status, (s) => (s === undefined ? W.notStated : s))}`);
  if (m.overdueSince) parts.push(W.overdue(m.due === undefined ? W.notStated : fmt.date(m.due)));
  return [`${W.milestone(m.title || m.id)}: ${parts.join('; ')}`];
}

function fundingLine(v: ReturnType<typeof vocabulary>, f: FundingDiff, programmeName: (id: string) => string): DiffLine {
  const { W, fmt } = v;
  const parts: string[] = [];
  if (f.change === 'added') parts.push(W.fundingAdded);
  if (f.change === 'removed') parts.push(W.fundingRemoved);
  if (f.status && f.change === 'changed') parts.push(arrow(f.status, v.funding));
  else if (f.status?.to !== undefined) parts.push(v.funding(f.status.to));
  if (f.amount && f.change === 'changed') parts.push(`${W.amount} ${arrow(f.amount, (a) => (a === undefined ? W.notStated : fmt.money(a)))}`);
  else if (f.amount?.to !== undefined) parts.push(fmt.money(f.amount.to));
  return [`${W.funding(programmeName(f.source))}: ${parts.join('; ')}`];
}

function findingLine(W: Words, lang: Lang, label: string, f: FindingRef): DiffLine {
  return [`${label}: `, code(f.rule), ` ${f.message[lang]} (${f.file}:${f.line})`];
}

/** The changes of one measure as lines (what stylish prints and Markdown lists). */
export function measureLines(d: MeasureDiff, lang: Lang, programmeName: (id: string) => string = (id) => id): DiffLine[] {
  const v = vocabulary(lang);
  const { W, fmt } = v;
  const out: DiffLine[] = [];
  if (d.change === 'added') out.push([W.added]);
  if (d.change === 'removed') out.push([W.removed]);
  if (d.change === 'renamed') out.push([W.renamed(d.renamedFrom ?? '')]);
  if (d.status) out.push([`${W.status}: ${arrow(d.status, v.status)}`]);
  if (d.start) out.push([`${W.start}: ${dateText(W, fmt, d.start)}`]);
  if (d.end) out.push([`${W.end}: ${dateText(W, fmt, d.end)}`]);
  for (const m of d.milestones) out.push(milestoneLine(v, m));
  for (const f of d.funding) out.push(fundingLine(v, f, programmeName));
  if (d.aiRisk) out.push([`${W.risk}: ${arrow(d.aiRisk, v.risk)}`]);
  if (d.dpia) out.push([`${W.dpia}: ${arrow(d.dpia, v.assessment)}`]);
  if (d.fria) out.push([`${W.fria}: ${arrow(d.fria, v.assessment)}`]);
  if (d.registration) out.push([`${W.registration}: ${arrow(d.registration, v.registration)}`]);
  for (const f of d.newFindings) out.push(findingLine(W, lang, W.newFinding, f));
  for (const c of d.changedFindings) out.push([...findingLine(W, lang, W.changedFinding, c.now), ` – ${W.was}: ${c.then.message[lang]}`]);
  for (const f of d.resolvedFindings) out.push(findingLine(W, lang, W.resolvedFinding, f));
  return out;
}

export function stateLabel(lang: Lang, s: StrategyDiff['since']): string {
  return s.commit ? s.ref : DIFF_WORDS[lang].workingTree;
}

/** The diff as Markdown nodes: an intro, a summary, then a heading per measure with its lines. */
export function diffSection(diff: StrategyDiff, lang: Lang, depth: 1 | 2 | 3, programmeName: (id: string) => string = (id) => id): RootContent[] {
  const W = DIFF_WORDS[lang];
  const fmt = makeFormatter(lang);
  const out: RootContent[] = [
    paragraph(W.between(stateLabel(lang, diff.since), fmt.date(diff.since.asOf), stateLabel(lang, diff.until), fmt.date(diff.until.asOf))),
    paragraph(W.summary(diff.summary)),
  ];
  if (!diff.measures.length && !diff.newFindings.length && !diff.resolvedFindings.length) return [...out, paragraph(W.nothing)];
  const sub = (depth + 1) as 2 | 3 | 4;
  for (const d of diff.measures) {
    out.push(heading(sub, d.title || d.id, ' (', code(d.id), ')'));
    out.push(list(measureLines(d, lang, programmeName)));
  }
  const other = [...diff.newFindings.map((f) => findingLine(W, lang, W.newFinding, f)), ...diff.resolvedFindings.map((f) => findingLine(W, lang, W.resolvedFinding, f))];
  if (other.length) out.push(heading(sub, W.otherFindings), list(other));
  return out;
}

/** The documented JSON (docs/diff.md): version 1; keys are only added, never changed. */
export function diffJson(diff: StrategyDiff): object {
  return {
    version: 1,
    since: { ref: diff.since.ref, commit: diff.since.commit ?? null, asOf: diff.since.asOf },
    until: { ref: diff.until.ref, commit: diff.until.commit ?? null, asOf: diff.until.asOf },
    summary: diff.summary,
    measures: diff.measures,
    newFindings: diff.newFindings,
    resolvedFindings: diff.resolvedFindings,
  };
}
