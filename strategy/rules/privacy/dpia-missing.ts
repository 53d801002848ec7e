import type { Rule } from '../rule';
import { isInUse } from '../ai-act/applicability';
import { keyOrBlock } from '../ai-act/location';

export const dpiaMissing: Rule = {
  id: 'dpia-missing',
  category: 'privacy',
  defaultSeverity: 'error',
  scope: 'measure',
  description: {
    de: 'Personenbezogene Daten ohne abgeschlossene Datenschutz-Folgenabschätzung (Art. 35 DSGVO).',
    en: 'Personal data without a completed data protection impact assessment (Art. 35 GDPR).',
  },
  messages: {
    missing: {
      de: 'Personenbezogene Daten ohne Datenschutz-Folgenabschätzung (Art. 35 DSGVO): DSFA durchführen oder das Ergebnis der Schwellwertprüfung als „dpia: not-required“ festhalten',
      en: 'Personal data without a data protection impact assessment (Art. 35 GDPR): carry out a DPIA or record the screening result as "dpia: not-required"',
    },
    open: {
      de: 'Datenschutz-Folgenabschätzung nicht abgeschlossen („dpia: {dpia}“, Art. 35 DSGVO): vor Beginn der Verarbeitung abschließen',
      en: 'Data protection impact assessment not completed ("dpia: {dpia}", Art. 35 GDPR): complete it before the processing starts',
    },
  },
  check({ measure, report }) {
    const p = measure.privacy;
    if (p?.personal_data !== true || p.dpia === 'done' || p.dpia === 'not-required') return;
    const level = isInUse(measure) ? 'error' : measure.status === 'planned' ? 'warning' : undefined;
    if (!level) return;
    report({ message: p.dpia ? 'open' : 'missing', data: { dpia: p.dpia ?? '' }, ...keyOrBlock(measure, 'privacy', 'dpia'), level });
  },
};
