import type { Rule } from '../rule';

export const waiverUnused: Rule = {
  id: 'waiver-unused',
  category: 'waivers',
  defaultSeverity: 'info',
  scope: 'parse',
  description: {
    de: 'Eine Ausnahme (waiver) betrifft eine Regel, die für diese Maßnahme nichts meldet, oder eine unbekannte Regel.',
    en: 'A waiver names a rule that reports nothing for this measure, or an unknown rule.',
  },
  messages: {
    unused: { de: 'Ausnahme für „{rule}“ wird nicht gebraucht: die Regel meldet hier nichts', en: 'Waiver for "{rule}" is not needed: the rule reports nothing here' },
    unknownRule: { de: 'Ausnahme für unbekannte Regel „{rule}“', en: 'Waiver for unknown rule "{rule}"' },
    unknownRuleSuggest: { de: 'Ausnahme für unbekannte Regel „{rule}“ – meinten Sie „{suggestion}“?', en: 'Waiver for unknown rule "{rule}" – did you mean "{suggestion}"?' },
  },
};
