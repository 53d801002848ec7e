import type { Rule } from '../rule';
import { FUNDING_IN_USE } from '../../data/funding';
import { summarizeFunding } from './summary';

export const fundingPending: Rule = {
  id: 'funding-pending',
  category: 'funding',
  defaultSeverity: 'info',
  scope: 'measure',
  description: {
    de: 'Laufende Maßnahme (Pilot/aktiv), deren Finanzierung nur beantragt oder geplant ist: nichts bewilligt, keine Eigenmittel.',
    en: 'Running measure (pilot/active) whose funding is only applied for or planned: nothing granted, no own budget.',
  },
  messages: {
    pending: {
      de: 'Die Maßnahme läuft („{status}“), ihre Finanzierung ist aber nicht gesichert: nichts bewilligt, keine Eigenmittel. Bewilligung nachtragen oder Eigenmittel („source: own“) einplanen',
      en: 'The measure is running ("{status}") but its funding is not secured: nothing granted, no own budget. Record the grant or plan own budget ("source: own")',
    },
  },
  check({ measure, report }) {
    if (!measure.status || !FUNDING_IN_USE.has(measure.status)) return;
    const funding = summarizeFunding(measure);
    if (funding.hasSecured || !funding.hasPending) return;
    report({ message: 'pending', at: ['funding'], target: 'key', data: { status: measure.status } });
  },
};
