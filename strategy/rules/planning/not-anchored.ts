import type { Rule } from '../rule';

export const notAnchored: Rule = {
  id: 'not-anchored',
  category: 'planning',
  defaultSeverity: 'warning',
  scope: 'measure',
  description: {
    de: 'Maßnahme ohne Handlungsfeld (`field`) und ohne Ziel (`goals`).',
    en: 'Measure without a field of action (`field`) and without a goal (`goals`).',
  },
  messages: {
    missing: {
      de: 'Weder Handlungsfeld („field“) noch Ziel („goals“) angegeben: die Maßnahme einem Handlungsfeld oder Ziel der Strategie zuordnen',
      en: 'Neither a field of action ("field") nor a goal ("goals") given: assign the measure to a field or goal of the strategy',
    },
  },
  check({ measure, report }) {
    // A cancelled measure no longer needs a place in the strategy.
    if (measure.field || measure.goals.length > 0 || measure.status === 'cancelled') return;
    // Point at an empty `goals:`/`field:` where one is written, else at the measure's id.
    const written = (['goals', 'field'] as const).find((k) => k in measure.data);
    report({ message: 'missing', at: [written ?? 'id'], target: 'key' });
  },
};
