import type { Rule } from '../rule';

export const ownerMissing: Rule = {
  id: 'owner-missing',
  category: 'planning',
  defaultSeverity: 'warning',
  scope: 'measure',
  description: {
    de: 'Maßnahme ohne verantwortliche Stelle (`owner`).',
    en: 'Measure without a responsible unit (`owner`).',
  },
  messages: {
    missing: {
      de: 'Keine verantwortliche Stelle („owner“) angegeben: zuständigen Fachbereich oder zuständige Stelle eintragen',
      en: 'No responsible unit ("owner") given: enter the department or unit in charge',
    },
  },
  check({ measure, report }) {
    // Cancelled measures need no owner any more.
    if (measure.owner || measure.status === 'cancelled') return;
    // An idea may not have an owner yet: a reminder (info) until it is planned.
    report({ message: 'missing', at: ['id'], target: 'key', ...(measure.status === 'idea' ? { level: 'info' as const } : {}) });
  },
};
