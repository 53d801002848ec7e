import type { Rule } from '../rule';

export const milestoneOverdue: Rule = {
  id: 'milestone-overdue',
  category: 'planning',
  defaultSeverity: 'warning',
  scope: 'measure',
  description: {
    de: 'Offener Meilenstein, dessen Datum vor dem Stichtag liegt.',
    en: 'Open milestone whose date is before the as-of date.',
  },
  messages: {
    overdue: {
      de: 'Meilenstein „{milestone}“ war zum {date} fällig und ist noch offen: als erledigt markieren („status: done“) oder neu terminieren',
      en: 'Milestone "{milestone}" was due {date} and is still open: mark it done ("status: done") or reschedule it',
    },
  },
  check({ measure, settings, report }) {
    // Open milestones of a completed measure are status-mismatch's finding; a cancelled measure has no schedule.
    if (measure.status === 'cancelled' || measure.status === 'completed') return;
    for (const ms of measure.milestones) {
      // Due at the end of its period: `2026-Q3` is overdue from 2026-10-01.
      if (ms.status !== 'open' || !ms.span || !ms.date || !(ms.span.last < settings.asOf)) continue;
      report({ message: 'overdue', at: [...ms.path, 'date'], data: { milestone: ms.id, date: ms.date } });
    }
  },
};
