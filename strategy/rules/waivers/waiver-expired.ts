import type { Rule } from '../rule';

export const waiverExpired: Rule = {
  id: 'waiver-expired',
  category: 'waivers',
  defaultSeverity: 'warning',
  scope: 'parse',
  description: {
    de: 'Eine Ausnahme (waiver) ist abgelaufen: der Befund wird wieder gemeldet.',
    en: 'A waiver has expired: the finding is reported again.',
  },
  messages: {
    expired: { de: 'Ausnahme für „{rule}“ ist am {until} abgelaufen; der Befund gilt wieder', en: 'Waiver for "{rule}" expired on {until}; the finding applies again' },
  },
};
