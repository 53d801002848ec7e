import type { Rule } from '../rule';
import { waiverExpiredOn } from './expiry';

export const waiverExpired: Rule = {
  id: 'waiver-expired',
  category: 'waivers',
  defaultSeverity: 'warning',
  scope: 'configuration',
  description: {
    de: 'Eine Ausnahme (waiver) ist abgelaufen: der Befund wird wieder gemeldet.',
    en: 'A waiver has expired: the finding is reported again.',
  },
  messages: {
    expired: { de: 'Ausnahme für „{rule}“ ist am {until} abgelaufen; der Befund gilt wieder', en: 'Waiver for "{rule}" expired on {until}; the finding applies again' },
  },
  check({ model, settings, ruleIds, report }) {
    for (const measure of model.measures) {
      if (!measure.waivers.length || model.measureById.get(measure.id) !== measure) continue;
      for (const w of measure.waivers) {
        if (ruleIds.has(w.rule) && waiverExpiredOn(w.until, settings.asOf)) report({ measure, at: [...w.path, 'until'], message: 'expired', data: { rule: w.rule, until: w.until! } });
      }
    }
  },
};
