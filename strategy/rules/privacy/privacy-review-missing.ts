import type { Rule } from '../rule';
import { isInUse } from '../ai-act/applicability';
import { keyOrBlock } from '../ai-act/location';
import { isRecord } from '../../model/coerce';

export const privacyReviewMissing: Rule = {
  id: 'privacy-review-missing',
  category: 'privacy',
  defaultSeverity: 'error',
  scope: 'measure',
  description: {
    de: 'KI-Anwendung oder Maßnahme im Einsatz ohne Angabe, ob personenbezogene Daten verarbeitet werden.',
    en: 'AI application or measure in use without saying whether personal data is processed.',
  },
  messages: {
    missing: {
      de: 'Datenschutz nicht geprüft: Block „privacy“ mit „personal_data: true“ oder „false“ ergänzen',
      en: 'Data protection not reviewed: add a "privacy" block with "personal_data: true" or "false"',
    },
    unset: {
      de: '„personal_data“ fehlt: angeben, ob personenbezogene Daten verarbeitet werden (true oder false)',
      en: '"personal_data" missing: state whether personal data is processed (true or false)',
    },
  },
  check({ measure, report }) {
    const inUse = isInUse(measure);
    if (measure.status === 'cancelled' || (!inUse && !measure.ai)) return;
    // An idea is not reviewed yet: a reminder (info) until it is planned.
    const level = inUse ? 'error' : measure.status === 'idea' ? 'info' : 'warning';
    const raw = measure.data.privacy;
    if (raw == null) report({ message: 'missing', at: raw === null ? ['privacy'] : ['id'], target: 'key', level });
    // A block that is not a mapping, or a non-boolean value, is the schema rule's finding; an empty value counts as unset.
    else if (isRecord(raw) && raw.personal_data == null) report({ message: 'unset', ...keyOrBlock(measure, 'privacy', 'personal_data'), target: 'key', level });
  },
};
