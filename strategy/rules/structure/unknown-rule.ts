import type { Rule } from '../rule';
import { didYouMean } from '../../suggest';

/**
 * `lint.rules` in strategy.yaml may only name rules that exist: a misspelt id there configures
 * nothing. A configuration-stage rule (it looks at the configuration, not at a measure).
 */
export const unknownRule: Rule = {
  id: 'unknown-rule',
  category: 'structure',
  defaultSeverity: 'error',
  scope: 'configuration',
  description: {
    de: '„lint.rules“ in strategy.yaml nennt eine Regel, die es nicht gibt.',
    en: '"lint.rules" in strategy.yaml names a rule that does not exist.',
  },
  messages: {
    unknownRule: { de: 'Unbekannte Regel „{rule}“', en: 'Unknown rule "{rule}"' },
    unknownRuleSuggest: { de: 'Unbekannte Regel „{rule}“ – meinten Sie „{suggestion}“?', en: 'Unknown rule "{rule}" – did you mean "{suggestion}"?' },
  },
  check({ model, ruleIds, report }) {
    const origin = model.strategy.origin;
    if (!origin) return;
    for (const rule of Object.keys(model.strategy.lint.rules)) {
      if (ruleIds.has(rule)) continue;
      const suggestion = didYouMean(rule, ruleIds);
      const range = origin.source.locate(['lint', 'rules', rule], 'key');
      report({ file: origin.file, range, ...(suggestion ? { message: 'unknownRuleSuggest', data: { rule, suggestion } } : { message: 'unknownRule', data: { rule } }) });
    }
  },
};
