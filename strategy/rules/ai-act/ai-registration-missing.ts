import { AI_ACT_NATIONAL_REGISTRATION } from '../../data/ai-act';
import type { Rule } from '../rule';
import { obligationData, obligationLevel } from './applicability';
import { isAnnexIIIPoint2 } from './high-risk';
import { keyOrBlock } from './location';

export const aiRegistrationMissing: Rule = {
  id: 'ai-registration-missing',
  category: 'ai-act',
  defaultSeverity: 'error',
  scope: 'measure',
  description: {
    de: 'Hochrisiko-KI, deren Nutzung nicht registriert ist (Art. 26 Abs. 8, Art. 49 Abs. 3 KI-VO).',
    en: 'High-risk AI whose use is not registered (Art. 26(8), 49(3) AI Act).',
  },
  messages: {
    missing: {
      de: 'Nutzung nicht in der EU-Datenbank registriert ({article_de}{from_de}): vor der Inbetriebnahme registrieren und „eu_registration: done“ eintragen',
      en: 'Use not registered in the EU database ({article_en}{from_en}): register it before putting the system into service and set "eu_registration: done"',
    },
    pending: {
      de: 'Registrierung in der EU-Datenbank ausstehend ({article_de}{from_de}): vor der Inbetriebnahme abschließen',
      en: 'Registration in the EU database pending ({article_en}{from_en}): complete it before putting the system into service',
    },
    notRequired: {
      de: '„eu_registration: not-required“ gilt nicht für Hochrisiko-KI einer Behörde ({article_de}{from_de}): Nutzung in der EU-Datenbank registrieren',
      en: '"eu_registration: not-required" does not apply to a public body\'s high-risk AI ({article_en}{from_en}): register the use in the EU database',
    },
    national: {
      de: 'Anhang III Nr. 2 wird national registriert ({national_de}, {article_de}{from_de}): Registrierung prüfen und „eu_registration: done“ oder „not-required“ eintragen',
      en: 'Annex III point 2 is registered nationally ({national_en}, {article_en}{from_en}): check the registration and set "eu_registration: done" or "not-required"',
    },
  },
  check({ measure, settings, report }) {
    const ai = measure.ai;
    if (ai?.risk !== 'high' || ai.eu_registration === 'done') return;
    const national = isAnnexIIIPoint2(ai);
    // Point 2 needs no entry in the EU database (Art. 49(3), (5)), so "not-required" is a valid answer there.
    if (national && ai.eu_registration === 'not-required') return;
    const level = obligationLevel('registration', measure, settings);
    if (!level) return;
    const message = national ? 'national' : ai.eu_registration === 'pending' ? 'pending' : ai.eu_registration === 'not-required' ? 'notRequired' : 'missing';
    const data = { ...obligationData('registration', measure, settings), national_de: AI_ACT_NATIONAL_REGISTRATION.de, national_en: AI_ACT_NATIONAL_REGISTRATION.en };
    report({ message, data, ...keyOrBlock(measure, 'ai', 'eu_registration'), level });
  },
};
