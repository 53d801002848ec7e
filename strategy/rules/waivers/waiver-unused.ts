import type { Rule } from '../rule';
import { didYouMean } from '../../suggest';
import { waiverExpiredOn } from './expiry';

export const waiverUnused: Rule = {
  id: 'waiver-unused',
  category: 'waivers',
  defaultSeverity: 'info',
  scope: 'configuration',
  description: {
    de: 'Eine Ausnahme (waiver) betrifft eine Regel, die für diese Maßnahme nichts meldet, oder eine unbekannte Regel.',
    en: 'A waiver names a rule that reports nothing for this measure, or an unknown rule.',
  },
  messages: {
    unused: { de: 'Ausnahme für „{rule}“ wird nicht gebraucht: die Regel meldet hier nichts', en: 'Waiver for "{rule}" is not needed: the rule reports nothing here' },
    unknownRule: { de: 'Ausnahme für unbekannte Regel „{rule}“', en: 'Waiver for unknown rule "{rule}"' },
    unknownRuleSuggest: { de: 'Ausnahme für unbekannte Regel „{rule}“ – meinten Sie „{suggestion}“?', en: 'Waiver for unknown rule "{rule}" – did you mean "{suggestion}"?' },
  },
  check({ model, settings, ruleIds, fired, report }) {
    for (const measure of model.measures) {
      if (!measure.waivers.length || model.measureById.get(measure.id) !== measure) continue;
      for (const w of measure.waivers) {
        const at = [...w.path, 'rule'];
        if (!ruleIds.has(w.rule)) {
          const suggestion = didYouMean(w.rule, ruleIds);
          report({ measure, at, ...(suggestion ? { message: 'unknownRuleSuggest', data: { rule: w.rule, suggestion } } : { message: 'unknownRule', data: { rule: w.rule } }) });
        } else if (!waiverExpiredOn(w.until, settings.asOf) && !fired(measure.id, w.rule)) {
          report({ measure, at, message: 'unused', data: { rule: w.rule } });
        }
      }
    }
  },
};
