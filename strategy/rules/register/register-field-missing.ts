import type { Rule } from '../rule';
import { PUBLICATION_FIELDS } from '../../data/register';

import { isRegisterEntry, keyName, nearestKey, textAt } from './entry';

export const registerFieldMissing: Rule = {
  id: 'register-field-missing',
  category: 'register',
  defaultSeverity: 'error',
  scope: 'measure',
  description: {
    de: 'Einem Registereintrag fehlt ein Pflichtfeld der Veröffentlichung (Kurzbeschreibung, Kontakt, Datenquellen).',
    en: 'A register entry lacks a field the publication requires (short description, contact, source data).',
  },
  messages: {
    missing: {
      de: 'Pflichtfeld des Registers fehlt: {label_de} („{key}“) eintragen',
      en: 'Required register field missing: add the {label_en} ("{key}")',
    },
  },
  check({ measure, model, report }) {
    if (!isRegisterEntry(measure, model)) return;
    for (const field of PUBLICATION_FIELDS) {
      if (!field.required) continue;
      if (textAt(measure, field.path)?.text.trim()) continue;
      const at = nearestKey(measure, field.path);
      report({ message: 'missing', data: { label_de: field.label.de, label_en: field.label.en, key: keyName(field.path) }, at, target: 'key' });
    }
  },
};
