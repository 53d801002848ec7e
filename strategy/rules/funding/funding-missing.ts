import type { Rule } from '../rule';
import { FUNDING_REQUIRED } from '../../data/funding';
import { summarizeFunding } from './summary';

export const fundingMissing: Rule = {
  id: 'funding-missing',
  category: 'funding',
  defaultSeverity: 'error',
  scope: 'measure',
  description: {
    de: 'Geplante oder laufende Maßnahme ohne Finanzierung, nicht einmal Eigenmittel (geplant: Warnung, Pilot/aktiv: Fehler).',
    en: 'Planned or running measure without any funding, not even own budget (planned: warning, pilot/active: error).',
  },
  messages: {
    missing: {
      de: 'Keine Finanzierung („funding“) für eine Maßnahme im Status „{status}“: Förderprogramm oder Eigenmittel („source: own“) eintragen',
      en: 'No funding ("funding") for a measure with status "{status}": add a funding programme or own budget ("source: own")',
    },
    onlyRejected: {
      de: 'Alle Finanzierungseinträge sind abgelehnt („rejected“): neue Förderung oder Eigenmittel („source: own“) eintragen',
      en: 'Every funding entry was rejected ("rejected"): add new funding or own budget ("source: own")',
    },
  },
  check({ measure, report }) {
    const level = measure.status && FUNDING_REQUIRED[measure.status];
    if (!level) return;
    if (summarizeFunding(measure).live.length > 0) return;
    const data = { status: measure.status! };
    if (measure.funding.length > 0) report({ message: 'onlyRejected', at: ['funding'], target: 'key', data, level });
    // Where the list is written (even empty) point at it; otherwise at the status that asks for it.
    else if (measure.data.funding !== undefined) report({ message: 'missing', at: ['funding'], target: 'key', data, level });
    else report({ message: 'missing', at: ['status'], data, level });
  },
};
