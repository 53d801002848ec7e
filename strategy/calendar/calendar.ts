/**
 * The funding calendar: programme deadlines, milestones and the dates of funding entries as
 * dated entries (`calendarEntries`), and as an iCalendar file (RFC 5545, `calendarIcs`) built as a
 * component tree with ical.js, which escapes text values; lines are folded at 75 octets.
 *
 * Every entry is an all-day event on the day the date is due (the last day of a coarse date:
 * `2027-Q1` is due on 31 March). Reminders (VALARM) are set a number of days before each entry:
 * 60 and 30 unless `strategy.yaml` sets `calendar.alarms` (or the caller passes `alarms`).
 * Pure: the as-of day (DTSTAMP) is a parameter, no clock is read.
 */
import ICAL from 'ical.js';
import { parseDateSpan, type Day } from '../dates';
import type { FundingEntry, Measure, Model } from '../model/types';
import type { Lang } from '../types';
import { OWN_FUNDS } from '../data/funding';

export type CalendarEntryKind = 'programme-deadline' | 'milestone' | 'application' | 'decision' | 'proof-of-use' | 'earmarking-end';

export const CALENDAR_KINDS: readonly CalendarEntryKind[] = ['programme-deadline', 'milestone', 'application', 'decision', 'proof-of-use', 'earmarking-end'];

export const DEFAULT_ALARMS: readonly number[] = [60, 30];

export interface CalendarEntry {
  kind: CalendarEntryKind;
  /** The day it is due. */
  day: Day;
  /** The date as written (`2027-Q1`). */
  written: string;
  /** Stable across runs: the same entry keeps its UID, so calendar clients update instead of duplicating. */
  uid: string;
  summary: string;
  /** What the date is about, without the kind: the milestone's title or the programme's name. */
  subject: string;
  description: string;
  measure?: Measure;
  /** Programme id (deadlines, funding entries). */
  programme?: string;
  url?: string;
}

const LABELS = {
  de: {
    'programme-deadline': (p: string) => `Förderfrist: ${p}`,
    milestone: (t: string, m: string) => `Meilenstein: ${t} (${m})`,
    application: (m: string, p: string) => `Förderantrag: ${m} – ${p}`,
    decision: (m: string, p: string) => `Förderbescheid: ${m} – ${p}`,
    'proof-of-use': (m: string, p: string) => `Verwendungsnachweis fällig: ${m} – ${p}`,
    'earmarking-end': (m: string, p: string) => `Ende der Zweckbindung: ${m} – ${p}`,
    reminder: (s: string, days: number) => `In ${days} ${days === 1 ? 'Tag' : 'Tagen'}: ${s}`,
    measure: 'Maßnahme',
    programme: 'Förderprogramm',
    file: 'Datei',
    status: 'Status',
    reference: 'Aktenzeichen',
    own: 'Eigenmittel',
    calendar: (t: string) => `Termine – ${t}`,
  },
  en: {
    'programme-deadline': (p: string) => `Funding deadline: ${p}`,
    milestone: (t: string, m: string) => `Milestone: ${t} (${m})`,
    application: (m: string, p: string) => `Funding application: ${m} – ${p}`,
    decision: (m: string, p: string) => `Grant decision: ${m} – ${p}`,
    'proof-of-use': (m: string, p: string) => `Proof of use due: ${m} – ${p}`,
    'earmarking-end': (m: string, p: string) => `End of earmarking: ${m} – ${p}`,
    reminder: (s: string, days: number) => `In ${days} ${days === 1 ? 'day' : 'days'}: ${s}`,
    measure: 'Measure',
    programme: 'Funding programme',
    file: 'File',
    status: 'Status',
    reference: 'Reference',
    own: 'Own funds',
    calendar: (t: string) => `Dates – ${t}`,
  },
} as const;

export interface CalendarOptions {
  lang: Lang;
  /** Only entries on or after this day (e.g. the as-of date); all without it. */
  from?: Day;
  /** Only these kinds; all without it. */
  kinds?: readonly CalendarEntryKind[];
}

const due = (written: string | undefined): Day | undefined => (written ? parseDateSpan(written)?.last : undefined);

/** A lone surrogate (possible in YAML escapes such as "\\ud83d") would make encodeURIComponent throw. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A UID part: ids may hold any character; keep them readable and unambiguous. */
const uidPart = (s: string) => encodeURIComponent(s.replace(LONE_SURROGATE, '\uFFFD'));

/** The calendar's entries, sorted by day, then kind, then UID. */
export function calendarEntries(model: Model, options: CalendarOptions): CalendarEntry[] {
  const L = LABELS[options.lang];
  const out: CalendarEntry[] = [];
  const domain = uidPart(model.strategy.organisation ?? model.strategy.title ?? 'strategy');
  const add = (e: Omit<CalendarEntry, 'uid' | 'day'> & { key: string[] }) => {
    const day = due(e.written);
    if (!day) return;
    const { key, ...rest } = e;
    out.push({ ...rest, day, uid: `${e.kind}/${key.map(uidPart).join('/')}@${domain}` });
  };
  const programmeName = (source: string) => (source === OWN_FUNDS ? L.own : (model.programmeById.get(source)?.name ?? source));

  for (const p of model.programmes) {
    if (!p.deadline) continue;
    add({ kind: 'programme-deadline', written: p.deadline, key: [p.id], subject: p.name || p.id, summary: L['programme-deadline'](p.name || p.id), description: [`${L.programme}: ${p.name || p.id}`, p.body ?? '', p.notes ?? ''].filter(Boolean).join('\n'), programme: p.id, url: p.url });
  }
  for (const m of model.measures) {
    if (m.status === 'cancelled' || !m.id) continue;
    const about = (extra: string[]) => [`${L.measure}: ${m.title} (${m.id})`, ...extra, `${L.file}: ${m.origin.file}`].join('\n');
    for (const ms of m.milestones) {
      if (ms.status === 'done' || ms.status === 'cancelled' || !ms.date) continue;
      add({ kind: 'milestone', written: ms.date, key: [m.id, ms.id], subject: ms.title || ms.id, summary: L.milestone(ms.title || ms.id, m.id), description: about([]), measure: m });
    }
    m.funding.forEach((f: FundingEntry, i) => {
      if (f.status === 'rejected') return;
      const name = programmeName(f.source);
      const programme = model.programmeById.get(f.source);
      const details = about([`${L.programme}: ${name}`, ...(f.status ? [`${L.status}: ${f.status}`] : []), ...(f.reference ? [`${L.reference}: ${f.reference}`] : [])]);
      const key = [m.id, String(i), f.source];
      const common = { measure: m, programme: f.source, subject: name, description: details, url: programme?.url };
      // `date` is the application (candidate, planned, applied) or the grant notice (granted), docs/format.md.
      if (f.date && f.status === 'granted') add({ ...common, kind: 'decision', written: f.date, key, summary: L.decision(m.id, name) });
      else if (f.date) add({ ...common, kind: 'application', written: f.date, key, summary: L.application(m.id, name) });
      if (f.decision && !(f.date && f.status === 'granted')) add({ ...common, kind: 'decision', written: f.decision, key, summary: L.decision(m.id, name) });
      if (f.proof_of_use) add({ ...common, kind: 'proof-of-use', written: f.proof_of_use, key, summary: L['proof-of-use'](m.id, name) });
      if (f.earmarked_until) add({ ...common, kind: 'earmarking-end', written: f.earmarked_until, key, summary: L['earmarking-end'](m.id, name) });
    });
  }
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const rank = new Map(CALENDAR_KINDS.map((k, i) => [k, i]));
  return out
    .filter((e) => (!options.from || e.day >= options.from) && (!kinds || kinds.has(e.kind)))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : rank.get(a.kind)! - rank.get(b.kind)! || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0)));
}

/** Reminder days: `calendar.alarms` in strategy.yaml (whole days ≥ 0), else 60 and 30. */
export function configuredAlarms(model: Model): number[] {
  const calendar = model.strategy.data.calendar;
  const alarms = calendar && typeof calendar === 'object' && !Array.isArray(calendar) ? (calendar as Record<string, unknown>).alarms : undefined;
  if (!Array.isArray(alarms)) return [...DEFAULT_ALARMS];
  return [...new Set(alarms.filter((d): d is number => Number.isInteger(d) && d >= 0 && d <= 3650))].sort((a, b) => b - a);
}

export interface IcsOptions extends CalendarOptions {
  /** DTSTAMP of every event: the day the file is made (a parameter: the core reads no clock). */
  asOf: Day;
  /** Days before each entry for a reminder; default `configuredAlarms(model)`. */
  alarms?: readonly number[];
}

const toDate = (day: Day) => ICAL.Time.fromDateString(day);

/** The calendar as an iCalendar text (RFC 5545): CRLF line ends, lines folded at 75 octets. */
export function calendarIcs(model: Model, options: IcsOptions): string {
  const L = LABELS[options.lang];
  const alarms = options.alarms ?? configuredAlarms(model);
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', `-//Digital Strategy Roadmap//strategy calendar//${options.lang.toUpperCase()}`);
  cal.updatePropertyWithValue('version', '2.0');
  cal.updatePropertyWithValue('calscale', 'GREGORIAN');
  cal.updatePropertyWithValue('method', 'PUBLISH');
  cal.updatePropertyWithValue('x-wr-calname', L.calendar(model.strategy.title ?? model.strategy.organisation ?? 'Strategy'));
  const stamp = ICAL.Time.fromDateTimeString(`${options.asOf}T00:00:00Z`);
  stamp.zone = ICAL.Timezone.utcTimezone;
  for (const e of calendarEntries(model, options)) {
    const ev = new ICAL.Component('vevent');
    ev.updatePropertyWithValue('uid', e.uid);
    ev.updatePropertyWithValue('dtstamp', stamp);
    ev.updatePropertyWithValue('dtstart', toDate(e.day));
    const next = toDate(e.day);
    next.adjust(1, 0, 0, 0);
    ev.updatePropertyWithValue('dtend', next);
    ev.updatePropertyWithValue('summary', e.summary);
    if (e.description) ev.updatePropertyWithValue('description', e.description);
    ev.updatePropertyWithValue('categories', e.kind);
    ev.updatePropertyWithValue('transp', 'TRANSPARENT');
    if (e.url && /^https?:\/\/[^\s"<>]+$/i.test(e.url)) ev.updatePropertyWithValue('url', e.url);
    for (const days of alarms) {
      const alarm = new ICAL.Component('valarm');
      alarm.updatePropertyWithValue('action', 'DISPLAY');
      alarm.updatePropertyWithValue('trigger', ICAL.Duration.fromData({ days, isNegative: days > 0 }));
      alarm.updatePropertyWithValue('description', L.reminder(e.summary, days));
      ev.addSubcomponent(alarm);
    }
    cal.addSubcomponent(ev);
  }
  // ical.js folds a continuation line to a space plus 75 octets (76 in all); RFC 5545 §3.1 counts
  // the space: unfold and fold again to 75 octets per line, between code points.
  return cal.toString().split('\r\n ').join('').split('\r\n').map(fold).join('\r\n') + '\r\n';
}

const FOLD_OCTETS = 75;

/** One content line as lines of at most 75 UTF-8 octets, continuation lines starting with a space. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = ch.codePointAt(0)! < 0x80 ? 1 : ch.codePointAt(0)! < 0x800 ? 2 : ch.codePointAt(0)! < 0x10000 ? 3 : 4;
    if (octets + size > FOLD_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}
