import type { Rule } from '../rule';

export const statusMismatch: Rule = {
  id: 'status-mismatch',
  category: 'planning',
  defaultSeverity: 'warning',
  scope: 'measure',
  description: {
    de: 'Status und Daten passen nicht zusammen, z. B. abgeschlossen mit offenen Meilensteinen oder Pilot mit Beginn in der Zukunft.',
    en: 'Status and dates contradict each other, e.g. completed with open milestones or a pilot starting in the future.',
  },
  messages: {
    completedOpenMilestone: {
      de: 'Die Maßnahme ist abgeschlossen, der Meilenstein „{milestone}“ aber noch offen: auf „done“ oder „cancelled“ setzen',
      en: 'The measure is completed but milestone "{milestone}" is still open: set it to "done" or "cancelled"',
    },
    completedEndInFuture: {
      de: 'Die Maßnahme ist abgeschlossen, ihr Ende {end} liegt aber nach dem Stichtag {asOf}: tatsächliches Ende eintragen',
      en: 'The measure is completed but its end {end} is after the as-of date {asOf}: enter the actual end',
    },
    runningNotStarted: {
      de: 'Status „{status}“, der Beginn {start} liegt aber nach dem Stichtag {asOf}: Status oder Beginn korrigieren',
      en: 'Status "{status}" but the start {start} is after the as-of date {asOf}: correct the status or the start',
    },
    runningEnded: {
      de: 'Status „{status}“, das Ende {end} liegt aber vor dem Stichtag {asOf}: abschließen („completed“) oder Ende verlängern',
      en: 'Status "{status}" but the end {end} is before the as-of date {asOf}: mark it completed or extend the end',
    },
    notStartedEnded: {
      de: 'Status „{status}“, das Ende {end} liegt aber schon vor dem Stichtag {asOf}: Status aktualisieren oder neu planen',
      en: 'Status "{status}" but the end {end} is already before the as-of date {asOf}: update the status or replan',
    },
    milestoneDoneInFuture: {
      de: 'Meilenstein „{milestone}“ ist erledigt, sein Datum {date} liegt aber nach dem Stichtag {asOf}: tatsächliches Datum eintragen',
      en: 'Milestone "{milestone}" is done but its date {date} is after the as-of date {asOf}: enter the actual date',
    },
  },
  check({ measure: m, settings, report }) {
    const asOf = settings.asOf;
    const status = m.status;
    if (!status || status === 'cancelled') return;
    // "In the future" means the whole period lies after the as-of date, "past" that all of it lies before.
    const startsLater = m.startSpan !== undefined && m.startSpan.first > asOf;
    const endsLater = m.endSpan !== undefined && m.endSpan.first > asOf;
    const ended = m.endSpan !== undefined && m.endSpan.last < asOf;
    const data = { status, asOf, start: m.start ?? '', end: m.end ?? '' };

    if (status === 'completed') {
      if (endsLater) report({ message: 'completedEndInFuture', at: ['end'], data });
      for (const ms of m.milestones) {
        if (ms.status === 'open') report({ message: 'completedOpenMilestone', at: [...ms.path, 'status'], data: { milestone: ms.id } });
      }
    } else if (status === 'pilot' || status === 'active') {
      if (startsLater) report({ message: 'runningNotStarted', at: ['start'], data });
      if (ended) report({ message: 'runningEnded', at: ['end'], data });
    } else if (status === 'idea' || status === 'planned') {
      if (ended) report({ message: 'notStartedEnded', at: ['end'], data });
    }

    for (const ms of m.milestones) {
      if (ms.status === 'done' && ms.span && ms.date && ms.span.first > asOf) {
        report({ message: 'milestoneDoneInFuture', at: [...ms.path, 'date'], data: { milestone: ms.id, date: ms.date, asOf } });
      }
    }
  },
};
