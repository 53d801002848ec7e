/**
 * What changed between two states of a strategy (`strategy diff`, the council report's „Änderungen
 * seit der letzten Sitzung“, docs/diff.md). Pure: both states come as lint results (model and
 * findings); reading them from git is the CLI's job.
 *
 * Per measure: new, removed, renamed (an id that went while another came, in the same file or
 * with the same title), status, start and end moved (days; later = slipped), milestones (new,
 * removed, moved, done since, overdue since), funding per source (status, amount), AI risk class,
 * DPIA, FRIA, EU registration, and the findings that are new or resolved. Linear in measures,
 * milestones, funding entries and findings (maps by id, no nested scans).
 */
import type { Finding } from '../types';
import type { FundingEntry, Measure, Milestone, Model } from '../model/types';
import { parseDateSpan, type Day } from '../dates';
import { dayNumber } from '../schedule/days';

export interface StateInfo {
  /** The reference as given (`rat-2026-09`, a commit, a date) or `working tree`. */
  ref: string;
  commit?: string;
  /** The day the state stands for: the commit's day, or the as-of date of the working tree. */
  asOf: Day;
}

/** A date that moved: days > 0 is later (slipped), < 0 earlier; undefined when one side has no valid date. */
export interface DateMove {
  from?: string;
  to?: string;
  days?: number;
}

export interface ValueChange<T = string> {
  from?: T;
  to?: T;
}

export interface MilestoneDiff {
  id: string;
  title: string;
  change: 'added' | 'removed' | 'changed';
  /** The date now (removed: then), as written. */
  due?: string;
  date?: DateMove;
  status?: ValueChange;
  /** Was open (or new), is done now. */
  doneSince: boolean;
  /** Open, due after the earlier state's day and before the later one's. */
  overdueSince: boolean;
}

export interface FundingDiff {
  source: string;
  change: 'added' | 'removed' | 'changed';
  status?: ValueChange;
  amount?: ValueChange<number>;
}

/** A finding as compared: rule, message (both languages), where it is now (or was). */
export interface FindingRef {
  rule: string;
  severity: string;
  message: { de: string; en: string };
  file: string;
  line: number;
  measure?: string;
}

export interface MeasureDiff {
  id: string;
  title: string;
  change: 'added' | 'removed' | 'renamed' | 'changed';
  /** The earlier id of a renamed measure. */
  renamedFrom?: string;
  /** The file now (removed: the file then). */
  file: string;
  status?: ValueChange;
  start?: DateMove;
  end?: DateMove;
  milestones: MilestoneDiff[];
  funding: FundingDiff[];
  aiRisk?: ValueChange;
  dpia?: ValueChange;
  fria?: ValueChange;
  registration?: ValueChange;
  newFindings: FindingRef[];
  resolvedFindings: FindingRef[];
  /** The same rule still reports on the measure, with another message (say, a date in it moved). */
  changedFindings: FindingChange[];
}

/** A finding whose message changed: the one now and the one then. */
export interface FindingChange {
  now: FindingRef;
  then: FindingRef;
}

export interface StrategyDiff {
  since: StateInfo;
  until: StateInfo;
  /** Only measures with a change, in the order of the later state (removed ones last, in the earlier order). */
  measures: MeasureDiff[];
  /** New and resolved findings that belong to no measure (strategy.yaml, catalogues). */
  newFindings: FindingRef[];
  resolvedFindings: FindingRef[];
  summary: {
    added: number;
    removed: number;
    renamed: number;
    changed: number;
    /** Measures whose end (or a milestone) moved later. */
    slipped: number;
    milestonesDone: number;
    milestonesOverdue: number;
    newFindings: number;
    resolvedFindings: number;
    changedFindings: number;
  };
}

const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));

function moved(from: string | undefined, to: string | undefined, side: 'first' | 'last'): DateMove | undefined {
  if (from === to) return undefined;
  const a = parseDateSpan(from)?.[side];
  const b = parseDateSpan(to)?.[side];
  const days = a && b ? dayNumber(b)! - dayNumber(a)! : undefined;
  return { from, to, days };
}

function changed<T>(from: T | undefined, to: T | undefined): ValueChange<T> | undefined {
  return from === to ? undefined : { from, to };
}

function findingRef(f: Finding): FindingRef {
  return { rule: f.rule, severity: f.severity, message: { de: f.message.de, en: f.message.en }, file: f.file, line: f.range.start.line, measure: f.measure };
}

/** Findings are the same when rule, measure and message are (positions move with every edit). */
const findingKey = (f: Finding, measure = f.measure) => `${f.rule}\u0000${measure ?? ''}\u0000${f.message.en}`;

function diffMilestones(before: Milestone[], after: Milestone[], since: Day, until: Day): MilestoneDiff[] {
  const out: MilestoneDiff[] = [];
  const old = new Map(before.map((m) => [m.id, m]));
  const now = new Set(after.map((m) => m.id));
  for (const m of after) {
    const o = old.get(m.id);
    const due = m.span?.last;
    const open = m.status !== 'done' && m.status !== 'cancelled';
    const doneSince = m.status === 'done' && o?.status !== 'done';
    const overdueSince = open && due !== undefined && due >= since && due < until;
    if (!o) {
      out.push({ id: m.id, title: m.title, change: 'added', due: m.date, doneSince, overdueSince, ...(m.date ? { date: { to: m.date } } : {}) });
      continue;
    }
    const date = moved(o.date, m.date, 'last');
    const status = changed(o.status, m.status);
    if (date || status || doneSince || overdueSince) out.push({ id: m.id, title: m.title, change: 'changed', due: m.date, ...(date ? { date } : {}), ...(status ? { status } : {}), doneSince, overdueSince });
  }
  for (const o of before) if (!now.has(o.id)) out.push({ id: o.id, title: o.title, change: 'removed', due: o.date, doneSince: false, overdueSince: false });
  return out;
}

function diffFunding(before: FundingEntry[], after: FundingEntry[]): FundingDiff[] {
  // Entries are matched by source, in order (a measure may name one source twice).
  const group = (list: FundingEntry[]) => {
    const m = new Map<string, FundingEntry[]>();
    for (const e of list) (m.get(e.source) ?? m.set(e.source, []).get(e.source)!).push(e);
    return m;
  };
  const old = group(before);
  const now = group(after);
  const out: FundingDiff[] = [];
  for (const [source, entries] of now) {
    const previous = old.get(source) ?? [];
    entries.forEach((e, i) => {
      const o = previous[i];
      if (!o) return void out.push({ source, change: 'added', status: { to: e.status }, ...(e.amount !== undefined ? { amount: { to: e.amount } } : {}) });
      const status = changed(o.status, e.status);
      const amount = changed(o.amount, e.amount);
      if (status || amount) out.push({ source, change: 'changed', ...(status ? { status } : {}), ...(amount ? { amount } : {}) });
    });
  }
  for (const [source, entries] of old) {
    const count = now.get(source)?.length ?? 0;
    entries.slice(count).forEach((o) => out.push({ source, change: 'removed', status: { from: o.status }, ...(o.amount !== undefined ? { amount: { from: o.amount } } : {}) }));
  }
  return out;
}

function diffMeasure(o: Measure | undefined, m: Measure, change: MeasureDiff['change'], since: Day, until: Day): MeasureDiff {
  const d: MeasureDiff = { id: m.id, title: m.title, change, file: m.origin.file, milestones: [], funding: [], newFindings: [], resolvedFindings: [], changedFindings: [] };
  if (change === 'renamed' && o) d.renamedFrom = o.id;
  const status = changed(o?.status, m.status);
  if (status && o) d.status = status;
  if (o) {
    const start = moved(o.start, m.start, 'first');
    const end = moved(o.end, m.end, 'last');
    if (start) d.start = start;
    if (end) d.end = end;
    const risk = changed(str(o.ai?.risk), str(m.ai?.risk));
    if (risk) d.aiRisk = risk;
    const dpia = changed(str(o.privacy?.dpia), str(m.privacy?.dpia));
    if (dpia) d.dpia = dpia;
    const fria = changed(str(o.ai?.fria), str(m.ai?.fria));
    if (fria) d.fria = fria;
    const registration = changed(str(o.ai?.eu_registration), str(m.ai?.eu_registration));
    if (registration) d.registration = registration;
  }
  d.milestones = diffMilestones(o?.milestones ?? [], m.milestones, since, until);
  if (o) d.funding = diffFunding(o.funding, m.funding);
  return d;
}

function hasChange(d: MeasureDiff): boolean {
  return d.change !== 'changed' || Boolean(d.status || d.start || d.end || d.aiRisk || d.dpia || d.fria || d.registration || d.milestones.length || d.funding.length || d.newFindings.length || d.resolvedFindings.length || d.changedFindings.length);
}

/**
 * Pairs removed and added ids that are one measure renamed: the same file held exactly that one
 * measure before and after, or – failing that – the same title (once on each side).
 */
function renames(removed: Measure[], added: Measure[]): Map<Measure, Measure> {
  const pairs = new Map<Measure, Measure>();
  const byFile = (list: Measure[]) => {
    const m = new Map<string, Measure[]>();
    for (const x of list) (m.get(x.origin.file) ?? m.set(x.origin.file, []).get(x.origin.file)!).push(x);
    return m;
  };
  const removedByFile = byFile(removed);
  const taken = new Set<Measure>();
  for (const [file, list] of byFile(added)) {
    const gone = removedByFile.get(file);
    if (list.length === 1 && gone?.length === 1) {
      pairs.set(list[0], gone[0]);
      taken.add(gone[0]);
    }
  }
  const titleCount = (list: Measure[]) => {
    const m = new Map<string, Measure[]>();
    for (const x of list) if (x.title) (m.get(x.title) ?? m.set(x.title, []).get(x.title)!).push(x);
    return m;
  };
  const goneByTitle = titleCount(removed.filter((x) => !taken.has(x)));
  for (const [title, list] of titleCount(added.filter((x) => !pairs.has(x)))) {
    const gone = goneByTitle.get(title);
    if (list.length === 1 && gone?.length === 1) pairs.set(list[0], gone[0]);
  }
  return pairs;
}

export interface DiffInput {
  model: Model;
  findings: readonly Finding[];
}

/** Compares an earlier state (`before`) with a later one (`after`). */
export function diffStrategies(before: DiffInput, after: DiffInput, since: StateInfo, until: StateInfo): StrategyDiff {
  const oldById = before.model.measureById;
  const newById = after.model.measureById;
  const added = [...newById.values()].filter((m) => !oldById.has(m.id));
  const removed = [...oldById.values()].filter((m) => !newById.has(m.id));
  const renamed = renames(removed, added);
  const renamedOld = new Set(renamed.values());

  const diffs: MeasureDiff[] = [];
  const byId = new Map<string, MeasureDiff>();
  for (const m of newById.values()) {
    const from = oldById.get(m.id) ?? renamed.get(m);
    const d = diffMeasure(from, m, oldById.has(m.id) ? 'changed' : from ? 'renamed' : 'added', since.asOf, until.asOf);
    diffs.push(d);
    byId.set(m.id, d);
  }
  for (const o of removed) {
    if (renamedOld.has(o)) continue;
    const d: MeasureDiff = { id: o.id, title: o.title, change: 'removed', file: o.origin.file, milestones: [], funding: [], newFindings: [], resolvedFindings: [], changedFindings: [] };
    diffs.push(d);
    byId.set(o.id, d);
  }

  // Findings: a multiset per key; a renamed measure's old findings count under its new id.
  const newIdOf = new Map<string, string>();
  for (const [now, then] of renamed) newIdOf.set(then.id, now.id);
  const oldKeys = new Map<string, number>();
  for (const f of before.findings) {
    const k = findingKey(f, f.measure !== undefined ? (newIdOf.get(f.measure) ?? f.measure) : undefined);
    oldKeys.set(k, (oldKeys.get(k) ?? 0) + 1);
  }
  const newKeys = new Map<string, number>();
  const newFindings: FindingRef[] = [];
  for (const f of after.findings) {
    const k = findingKey(f);
    newKeys.set(k, (newKeys.get(k) ?? 0) + 1);
    const left = oldKeys.get(k) ?? 0;
    if (left > 0) oldKeys.set(k, left - 1);
    else {
      const d = f.measure !== undefined ? byId.get(f.measure) : undefined;
      (d ? d.newFindings : newFindings).push(findingRef(f));
    }
  }
  const resolvedFindings: FindingRef[] = [];
  for (const f of before.findings) {
    const measure = f.measure !== undefined ? (newIdOf.get(f.measure) ?? f.measure) : undefined;
    const k = findingKey(f, measure);
    const left = newKeys.get(k) ?? 0;
    if (left > 0) {
      newKeys.set(k, left - 1);
      continue;
    }
    const d = measure !== undefined ? byId.get(measure) : undefined;
    (d ? d.resolvedFindings : resolvedFindings).push(findingRef(f));
  }

  // A new and a resolved finding of the same rule on the same measure are one finding whose message changed.
  for (const d of diffs) {
    if (!d.newFindings.length || !d.resolvedFindings.length) continue;
    const gone = new Map<string, FindingRef[]>();
    for (const f of d.resolvedFindings) (gone.get(f.rule) ?? gone.set(f.rule, []).get(f.rule)!).push(f);
    const still: FindingRef[] = [];
    for (const f of d.newFindings) {
      const then = gone.get(f.rule)?.shift();
      if (then) d.changedFindings.push({ now: f, then });
      else still.push(f);
    }
    const paired = new Set(d.changedFindings.map((c) => c.then));
    d.newFindings = still;
    d.resolvedFindings = d.resolvedFindings.filter((f) => !paired.has(f));
  }
  const measures = diffs.filter(hasChange);
  const count = (p: (d: MeasureDiff) => boolean) => measures.filter(p).length;
  return {
    since,
    until,
    measures,
    newFindings,
    resolvedFindings,
    summary: {
      added: count((d) => d.change === 'added'),
      removed: count((d) => d.change === 'removed'),
      renamed: count((d) => d.change === 'renamed'),
      changed: count((d) => d.change === 'changed'),
      slipped: count((d) => (d.end?.days ?? 0) > 0 || d.milestones.some((m) => (m.date?.days ?? 0) > 0)),
      milestonesDone: measures.reduce((n, d) => n + d.milestones.filter((m) => m.doneSince).length, 0),
      milestonesOverdue: measures.reduce((n, d) => n + d.milestones.filter((m) => m.overdueSince).length, 0),
      newFindings: newFindings.length + measures.reduce((n, d) => n + d.newFindings.length, 0),
      resolvedFindings: resolvedFindings.length + measures.reduce((n, d) => n + d.resolvedFindings.length, 0),
      changedFindings: measures.reduce((n, d) => n + d.changedFindings.length, 0),
    },
  };
}
