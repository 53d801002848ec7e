import type { Rule } from '../rule';
import type { Measure } from '../../model/types';
import type { Path, RelatedLocation } from '../../types';
import { formatMessage } from '../rule';
import { isRegisterEntry } from './entry';

const MESSAGES = {
  sameId: {
    de: 'Die Registerkennung „{id}“ ist auch bei {other} eingetragen: ein System wird nur einmal registriert',
    en: 'Register id "{id}" is also given for {other}: a system is registered only once',
  },
  sameName: {
    de: 'Gleicher Name wie {other}: doppelte Registrierung? Einträge zusammenführen oder eindeutig benennen',
    en: 'Same name as {other}: a duplicate registration? Merge the entries or name them apart',
  },
  related: { de: 'Erster Eintrag', en: 'First entry' },
};

/** Names compared without case, spacing and punctuation: "Afvalbeleid – Milieupas" = "afvalbeleid-milieupas". */
function nameKey(title: string): string {
  return title.toLowerCase().normalize('NFKC').replace(/[\s\p{P}]+/gu, '');
}

export const registerDuplicate: Rule = {
  id: 'register-duplicate',
  category: 'register',
  defaultSeverity: 'warning',
  scope: 'repository',
  description: {
    de: 'Ein System ist zweimal im Register: gleiche Registerkennung oder gleicher Name.',
    en: 'A system is in the register twice: the same register id or the same name.',
  },
  messages: MESSAGES,
  check({ model, report }) {
    const byId = new Map<string, Measure>();
    const byName = new Map<string, Measure>();
    for (const m of model.measures) {
      if (!isRegisterEntry(m, model)) continue;
      const emit = (message: 'sameId' | 'sameName', first: Measure, at: Path, id = '') => {
        const range = first.origin.source.locate(message === 'sameId' ? ['register', 'ids', 'register'] : ['title'], 'value', first.origin.node);
        const related: RelatedLocation[] = [{ file: first.origin.file, range, message: formatMessage(MESSAGES.related) }];
        report({ message, data: { id, other: first.id }, measure: m, at, related });
      };
      const rid = m.register?.ids.register?.trim();
      if (rid) {
        const first = byId.get(rid);
        if (first) {
          emit('sameId', first, ['register', 'ids', 'register'], rid);
          continue;
        }
        byId.set(rid, m);
      }
      const key = nameKey(m.title);
      if (!key) continue;
      const first = byName.get(key);
      if (first) emit('sameName', first, ['title']);
      else byName.set(key, m);
    }
  },
};
