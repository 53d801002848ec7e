import type { Rule } from '../rule';
import { LINK_TITLE_MAX, PUBLICATION_FIELDS, URL_MAX } from '../../data/register';
import type { Path } from '../../types';
import { isRegisterEntry, keyName, textAt } from './entry';

export const registerTextTooLong: Rule = {
  id: 'register-text-too-long',
  category: 'register',
  defaultSeverity: 'error',
  scope: 'measure',
  description: {
    de: 'Ein Text eines Registereintrags ist länger, als der Veröffentlichungsstandard erlaubt.',
    en: 'A text of a register entry is longer than the publication standard allows.',
  },
  messages: {
    tooLong: {
      de: '„{key}“ hat {length} Zeichen, der Registerstandard erlaubt höchstens {max}: kürzen',
      en: '"{key}" has {length} characters; the register standard allows at most {max}: shorten it',
    },
  },
  check({ measure, model, report }) {
    if (!isRegisterEntry(measure, model)) return;
    const check = (path: Path, text: string | undefined, max: number) => {
      // Characters as a reader counts them (code points), not UTF-16 units.
      const length = text === undefined ? 0 : [...text.trim()].length;
      if (length > max) report({ message: 'tooLong', data: { key: keyName(path), length, max }, at: path });
    };
    for (const field of PUBLICATION_FIELDS) {
      if (field.maxLength === undefined) continue;
      const t = textAt(measure, field.path);
      if (t) check(t.path, t.text, field.maxLength);
    }
    const reg = measure.register;
    if (!reg) return;
    const links = (key: 'legal_basis' | 'source_data', list: typeof reg.legalBasisLinks) =>
      list.forEach((l, i) => {
        check(['register', key, 'links', i, 'title'], l.title, LINK_TITLE_MAX);
        check(['register', key, 'links', i, 'url'], l.url, URL_MAX);
      });
    links('legal_basis', reg.legalBasisLinks);
    links('source_data', reg.sourceDataLinks);
    for (const a of reg.impactAssessments) check([...a.path, 'url'], a.url, URL_MAX);
  },
};
