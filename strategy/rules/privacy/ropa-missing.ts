import type { Rule } from '../rule';
import { isInUse } from '../ai-act/applicability';
import { keyOrBlock } from '../ai-act/location';

export const ropaMissing: Rule = {
  id: 'ropa-missing',
  category: 'privacy',
  defaultSeverity: 'info',
  scope: 'measure',
  description: {
    de: 'Verarbeitung personenbezogener Daten im Einsatz, aber nicht als im Verzeichnis von Verarbeitungstätigkeiten erfasst angegeben (Art. 30 DSGVO).',
    en: 'Personal data processed in use, but not marked as entered in the record of processing activities (Art. 30 GDPR).',
  },
  messages: {
    missing: {
      de: 'Verarbeitung nicht im Verzeichnis von Verarbeitungstätigkeiten vermerkt (Art. 30 DSGVO): dort eintragen und „ropa: true“ setzen',
      en: 'Processing not marked as entered in the record of processing activities (Art. 30 GDPR): enter it there and set "ropa: true"',
    },
  },
  check({ measure, report }) {
    const p = measure.privacy;
    if (p?.personal_data !== true || p.ropa === true || !isInUse(measure)) return;
    report({ message: 'missing', ...keyOrBlock(measure, 'privacy', 'ropa') });
  },
};
