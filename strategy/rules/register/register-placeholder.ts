import type { Rule } from '../rule';
import { isPlaceholder, PUBLICATION_FIELDS } from '../../data/register';
import type { Path } from '../../types';
import { isRegisterEntry, keyName, textAt } from './entry';

export const registerPlaceholder: Rule = {
  id: 'register-placeholder',
  category: 'register',
  defaultSeverity: 'warning',
  scope: 'measure',
  description: {
    de: 'Ein Feld eines Registereintrags enthält nur einen Platzhalter („nog niet beschikbaar“, „TBD“, „folgt“).',
    en: 'A field of a register entry holds only a placeholder ("nog niet beschikbaar", "TBD", "folgt").',
  },
  messages: {
    placeholder: {
      de: '„{key}“ enthält nur den Platzhalter „{value}“: die Angabe eintragen oder den Schlüssel weglassen (dann gilt sie als nicht angegeben)',
      en: '"{key}" holds only the placeholder "{value}": write the information or leave the key out (it is then not stated)',
    },
  },
  check({ measure, model, report }) {
    if (!isRegisterEntry(measure, model)) return;
    const check = (path: Path, text: string | undefined) => {
      if (text !== undefined && isPlaceholder(text)) report({ message: 'placeholder', data: { key: keyName(path), value: text.trim() }, at: path });
    };
    for (const field of PUBLICATION_FIELDS) {
      const t = textAt(measure, field.path);
      if (t) check(t.path, t.text);
    }
    const reg = measure.register;
    if (!reg) return;
    check(['register', 'ids', 'eu_database'], reg.ids.euDatabase);
    check(['register', 'deployer_contact'], reg.deployerContact);
    check(['register', 'submitter_contact'], reg.submitterContact);
    for (const a of reg.impactAssessments) {
      check([...a.path, 'summary'], a.summary);
      check([...a.path, 'url'], a.url);
    }
    reg.legalBasisLinks.forEach((l, i) => check(['register', 'legal_basis', 'links', i, 'url'], l.url));
    reg.sourceDataLinks.forEach((l, i) => check(['register', 'source_data', 'links', i, 'url'], l.url));
  },
};
