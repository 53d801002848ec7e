/**
 * The legal references the compliance matrix cites. AI Act articles come from the shared data
 * table (strategy/data/ai-act.ts), so that a change there shows in the reports too.
 */
import { AI_ACT_OBLIGATIONS, aiActVersionFor, type AiActVersionId } from '../data/ai-act';
import type { Day } from '../dates';
import type { Lang } from '../types';
import type { Localized } from '../types';

export const REGULATIONS: Localized[] = [
  { de: 'Verordnung (EU) 2024/1689 (KI-Verordnung, KI-VO)', en: 'Regulation (EU) 2024/1689 (AI Act)' },
  { de: 'Verordnung (EU) 2016/679 (Datenschutz-Grundverordnung, DSGVO)', en: 'Regulation (EU) 2016/679 (General Data Protection Regulation, GDPR)' },
];

export type MatrixColumn = 'risk' | 'dpia' | 'dpo' | 'fria' | 'registration' | 'transparency' | 'oversight' | 'ethics';

export const MATRIX_COLUMNS: MatrixColumn[] = ['risk', 'dpia', 'dpo', 'fria', 'registration', 'transparency', 'oversight', 'ethics'];

export const LEGAL_BASIS: Record<MatrixColumn, Localized> = {
  risk: { de: 'Art. 5, Art. 6 und Anhang III KI-VO', en: 'Art. 5, Art. 6 and Annex III AI Act' },
  dpia: { de: 'Art. 35 DSGVO', en: 'Art. 35 GDPR' },
  dpo: { de: 'Art. 35 Abs. 2, Art. 38, Art. 39 DSGVO', en: 'Art. 35(2), 38, 39 GDPR' },
  fria: AI_ACT_OBLIGATIONS.fria.article,
  registration: AI_ACT_OBLIGATIONS.registration.article,
  transparency: AI_ACT_OBLIGATIONS.transparency.article,
  oversight: AI_ACT_OBLIGATIONS.oversight.article,
  ethics: { de: 'keine gesetzliche Pflicht (freiwillige Prüfung)', en: 'no statutory duty (voluntary review)' },
};

export const LITERACY_ARTICLE: Localized = AI_ACT_OBLIGATIONS.literacy.article;

/**
 * Which version of the AI Act the report applies (the same as the lint rules: pinned in
 * strategy.yaml, else the one in force on the as-of date), with its source.
 */
export function aiActVersionStatement(asOf: Day, pinned: AiActVersionId | undefined, lang: Lang): string {
  const v = aiActVersionFor(asOf, pinned);
  const how = pinned ? { de: 'in strategy.yaml festgelegt', en: 'pinned in strategy.yaml' } : { de: 'am Stichtag geltend', en: 'in force on the as-of date' };
  return lang === 'de' ? `Angewandte Fassung der KI-VO (${how.de}): ${v.title.de}; Quelle: ${v.source.de}.` : `Version of the AI Act applied (${how.en}): ${v.title.en}; source: ${v.source.en}.`;
}
