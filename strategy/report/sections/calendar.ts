/** Funding calendar in the report: the dates of the next twelve months (strategy/calendar). */
import type { RootContent } from 'mdast';
import { addDays } from '../../dates';
import { calendarEntries, type CalendarEntryKind } from '../../calendar/calendar';
import { code, heading, paragraph, table, type Inline } from '../mdast';
import type { SectionContext } from './context';

const WORDS = {
  de: {
    heading: 'Termine der nächsten zwölf Monate',
    intro: 'Förderfristen, offene Meilensteine und Termine der Förderung (Antrag, Bescheid, Verwendungsnachweis, Ende der Zweckbindung) ab dem Stichtag; als Kalenderdatei: ',
    none: 'Keine Termine in den nächsten zwölf Monaten.',
    caption: 'Termine der nächsten zwölf Monate',
    columns: ['Datum', 'Art', 'Termin', 'Maßnahme'],
    kinds: {
      'programme-deadline': 'Förderfrist',
      milestone: 'Meilenstein',
      application: 'Förderantrag',
      decision: 'Förderbescheid',
      'proof-of-use': 'Verwendungsnachweis',
      'earmarking-end': 'Ende der Zweckbindung',
    },
  },
  en: {
    heading: 'Dates in the next twelve months',
    intro: 'Funding deadlines, open milestones and funding dates (application, decision, proof of use, end of earmarking) from the as-of date; as a calendar file: ',
    none: 'No dates in the next twelve months.',
    caption: 'Dates in the next twelve months',
    columns: ['Date', 'Kind', 'Date of', 'Measure'],
    kinds: {
      'programme-deadline': 'Funding deadline',
      milestone: 'Milestone',
      application: 'Funding application',
      decision: 'Grant decision',
      'proof-of-use': 'Proof of use',
      'earmarking-end': 'End of earmarking',
    },
  },
} as const satisfies Record<string, { kinds: Record<CalendarEntryKind, string> } & Record<string, unknown>>;

export function calendarSection(ctx: SectionContext, depth: 2 | 3 = 3): RootContent[] {
  const W = WORDS[ctx.lang];
  const asOf = ctx.facts.asOf;
  const until = addDays(asOf, 365);
  const entries = calendarEntries(ctx.facts.model, { lang: ctx.lang, from: asOf }).filter((e) => e.day <= until);
  const out: RootContent[] = [heading(depth, W.heading), paragraph(W.intro, code('strategy calendar --output strategy.ics'), '.')];
  if (!entries.length) return [...out, paragraph(W.none)];
  out.push(
    table({
      caption: W.caption,
      columns: W.columns.map((label) => ({ label })),
      rows: entries.map((e): Inline[] => {
        return [ctx.fmt.date(e.day), W.kinds[e.kind], e.subject, e.measure ? [e.measure.title, ' (', code(e.measure.id), ')'] : ctx.L.value.none];
      }),
    }),
  );
  return out;
}
