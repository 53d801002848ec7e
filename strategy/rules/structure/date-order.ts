import type { Rule } from '../rule';

export const dateOrder: Rule = {
  id: 'date-order',
  category: 'structure',
  defaultSeverity: 'error',
  scope: 'measure',
  description: {
    de: 'Ende vor Beginn (einer Maßnahme oder des Zeitraums der Strategie); ein Meilenstein außerhalb des Zeitraums seiner Maßnahme (Warnung).',
    en: 'End before start (of a measure or of the strategy\'s period); a milestone outside its measure\'s period (warning).',
  },
  messages: {
    horizonReversed: { de: 'Der Zeitraum der Strategie endet ({end}) vor seinem Beginn ({start}): Beginn und Ende prüfen', en: 'The strategy\'s period ends ({end}) before it starts ({start}): check start and end' },
    horizonStart: { de: 'Beginn des Zeitraums', en: 'Start of the period' },
    fixSwap: { de: 'Beginn und Ende tauschen', en: 'Swap start and end' },
    endBeforeStart: { de: 'Ende „{end}“ liegt vor dem Beginn „{start}“: Daten prüfen', en: 'End "{end}" is before start "{start}": check the dates' },
    milestoneBeforeStart: { de: 'Meilenstein „{milestone}“ ({date}) liegt vor dem Beginn der Maßnahme ({start})', en: 'Milestone "{milestone}" ({date}) is before the measure starts ({start})' },
    milestoneAfterEnd: { de: 'Meilenstein „{milestone}“ ({date}) liegt nach dem Ende der Maßnahme ({end})', en: 'Milestone "{milestone}" ({date}) is after the measure ends ({end})' },
  },
  check({ measure: m, report }) {
    // A coarse date stands for its whole period: `start: 2026` begins 2026-01-01, `end: 2026-Q2` ends 2026-06-30.
    const start = m.startSpan;
    const end = m.endSpan;
    if (start && end && end.last < start.first) {
      report({ message: 'endBeforeStart', at: ['end'], data: { start: m.start!, end: m.end! } });
      return; // with the period reversed, "outside the period" says nothing more
    }
    for (const ms of m.milestones) {
      if (!ms.span || !ms.date) continue;
      // Outside only when the milestone's whole period lies outside: `2026` is not outside a measure running in 2026-Q3.
      if (start && ms.span.last < start.first) {
        report({ message: 'milestoneBeforeStart', level: 'warning', at: [...ms.path, 'date'], data: { milestone: ms.id, date: ms.date, start: m.start! } });
      } else if (end && ms.span.first > end.last) {
        report({ message: 'milestoneAfterEnd', level: 'warning', at: [...ms.path, 'date'], data: { milestone: ms.id, date: ms.date, end: m.end! } });
      }
    }
  },
};
