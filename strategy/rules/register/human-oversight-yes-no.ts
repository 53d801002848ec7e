import type { Rule } from '../rule';
import { YES_NO_TEXTS } from '../../data/register';

export const humanOversightYesNo: Rule = {
  id: 'human-oversight-yes-no',
  category: 'register',
  defaultSeverity: 'warning',
  scope: 'measure',
  description: {
    de: 'Die menschliche Aufsicht ist nur mit „ja“ oder „nein“ beschrieben.',
    en: 'Human oversight is described only as "yes" or "no".',
  },
  messages: {
    yesNo: {
      de: '„human_oversight: {value}“ beschreibt keine Aufsicht: festhalten, wer die Ergebnisse prüft und wie eingegriffen werden kann',
      en: '"human_oversight: {value}" describes no oversight: state who checks the results and how they can intervene',
    },
  },
  check({ measure, report }) {
    const text = measure.ai?.human_oversight;
    if (text === undefined) return;
    const word = text.trim().toLowerCase().replace(/[.!]+$/, '');
    if (YES_NO_TEXTS.has(word)) report({ message: 'yesNo', data: { value: text.trim() }, at: ['ai', 'human_oversight'] });
  },
};
