import type { Rule } from '../rule';
import { formatMessage } from '../rule';
import { NOT_YET_APPLIED } from '../../data/funding';
import { parseDateSpan, type Day } from '../../dates';

const MESSAGES = {
  days: {
    de: 'Antragsfrist von „{programme}“ endet am {deadline}, in {days} Tagen, und diese Förderung ist erst „{status}“: Antrag rechtzeitig stellen oder Status aktualisieren',
    en: 'The deadline of "{programme}" is {deadline}, in {days} days, and this funding is still "{status}": apply in time or update the status',
  },
  tomorrow: {
    de: 'Antragsfrist von „{programme}“ endet morgen ({deadline}), und diese Förderung ist erst „{status}“: Antrag sofort stellen oder Status aktualisieren',
    en: 'The deadline of "{programme}" is tomorrow ({deadline}), and this funding is still "{status}": apply now or update the status',
  },
  today: {
    de: 'Antragsfrist von „{programme}“ endet heute ({deadline}), und diese Förderung ist erst „{status}“: Antrag heute stellen oder Status aktualisieren',
    en: 'The deadline of "{programme}" is today ({deadline}), and this funding is still "{status}": apply today or update the status',
  },
  deadline: { de: 'Antragsfrist von „{programme}“', en: 'Deadline of "{programme}"' },
};

export const fundingDeadline: Rule = {
  id: 'funding-deadline',
  category: 'funding',
  defaultSeverity: 'warning',
  scope: 'measure',
  description: {
    de: 'Die Antragsfrist eines Förderprogramms läuft bald ab (`lint.deadline_days`, Standard 60 Tage), und die Förderung ist erst Kandidat oder geplant.',
    en: 'A funding programme\'s deadline is near (`lint.deadline_days`, default 60 days) and the funding is still a candidate or planned.',
  },
  messages: MESSAGES,
  check({ measure, model, settings, report }) {
    // A finished or abandoned measure applies for nothing any more.
    if (measure.status === 'cancelled' || measure.status === 'completed') return;
    for (const entry of measure.funding) {
      if (!entry.status || !NOT_YET_APPLIED.has(entry.status)) continue;
      const programme = model.programmeById.get(entry.source);
      // A coarse deadline (`2027-01`) runs to the last day of its period.
      const last = parseDateSpan(programme?.deadline)?.last;
      if (!programme || !last) continue;
      const days = daysBetween(settings.asOf, last);
      if (days < 0 || days > settings.deadlineDays) continue;
      const origin = programme.origin;
      report({
        message: days === 0 ? 'today' : days === 1 ? 'tomorrow' : 'days',
        at: [...entry.path, 'source'],
        // The day the window closes, also for a coarse deadline, so that the days left add up.
        data: { programme: programme.name, deadline: last, days, status: entry.status },
        related: [{ file: origin.file, range: origin.source.locate(['deadline'], 'value', origin.node), message: formatMessage(MESSAGES.deadline, { programme: programme.name }) }],
      });
    }
  },
};

function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
