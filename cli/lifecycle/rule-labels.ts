import type { Lang, RuleCategory, Severity } from '../../strategy/index';

export const CATEGORY_LABELS: Record<RuleCategory, Record<Lang, string>> = {
  structure: { de: 'Struktur', en: 'Structure' },
  planning: { de: 'Planung', en: 'Planning' },
  funding: { de: 'Förderung', en: 'Funding' },
  privacy: { de: 'Datenschutz', en: 'Data protection' },
  'ai-act': { de: 'KI-Verordnung', en: 'AI Act' },
  register: { de: 'Register', en: 'Register' },
  waivers: { de: 'Ausnahmen', en: 'Waivers' },
};

export const SEVERITY_LABELS: Record<Severity, Record<Lang, string>> = {
  error: { de: 'Fehler', en: 'error' },
  warning: { de: 'Warnung', en: 'warning' },
  info: { de: 'Hinweis', en: 'info' },
};

/** A one-line description for a terminal: Markdown code ticks removed. */
export const plainDescription = (s: string): string => s.replace(/`([^`]*)`/g, '$1');
