import type { Rule } from '../rule';
import { isRealReason } from '../../data/waivers';
import { isRecord } from '../../model/coerce';

export const waiverReason: Rule = {
  id: 'waiver-reason',
  category: 'waivers',
  defaultSeverity: 'warning',
  scope: 'measure',
  description: {
    de: 'Eine Ausnahme (waiver) ohne echte Begründung (Platzhalter oder zu kurz) gilt nicht: der Befund wird weiter gemeldet.',
    en: 'A waiver without a real reason (a placeholder or too short) does not apply: the finding is still reported.',
  },
  messages: {
    placeholder: {
      de: 'Ausnahme für „{rule}“ ohne echte Begründung („{reason}“): Begründung eintragen, sonst gilt die Ausnahme nicht',
      en: 'Waiver for "{rule}" without a real reason ("{reason}"): give the reason, otherwise the waiver does not apply',
    },
  },
  check({ measure, report }) {
    const list = measure.data.waivers;
    if (!Array.isArray(list)) return;
    list.forEach((w, i) => {
      // A missing or empty reason is a schema finding (required, minLength) already.
      if (!isRecord(w) || typeof w.reason !== 'string' || !w.reason.trim() || typeof w.rule !== 'string') return;
      const reason: string = w.reason;
      if (isRealReason(reason)) return;
      report({ message: 'placeholder', at: ['waivers', i, 'reason'], target: 'value', data: { rule: w.rule, reason: reason.trim() } });
    });
  },
};
