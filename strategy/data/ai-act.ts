/**
 * EU AI Act (Regulation (EU) 2024/1689): the deployer obligations the lint rules check, with the
 * day each applies from. Rules read dates only from here, so a legislative change of a date is a
 * one-line edit of `appliesFrom` (or of `AI_ACT_PUBLIC_LEGACY`).
 */
import type { Day } from '../dates';
import type { Localized } from '../types';

/** Official text (ELI) of the regulation. */
export const AI_ACT_ELI = 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj';

export type AiActObligationId = 'literacy' | 'prohibited' | 'oversight' | 'registration' | 'fria' | 'transparency';

export interface AiActObligation {
  /** The article(s) that impose the obligation, as cited in messages. */
  article: Localized;
  /** The first day the obligation applies. */
  appliesFrom: Day;
  /** The provision of the regulation that sets `appliesFrom`. */
  dateSource: string;
  /** A high-risk obligation: Art. 111(2) defers it for systems a public authority put into service before the cut-off. */
  highRisk: boolean;
}

// prettier-ignore
export const AI_ACT_OBLIGATIONS: Record<AiActObligationId, AiActObligation> = {
  literacy:     { appliesFrom: '2025-02-02', article: { de: 'Art. 4 KI-VO', en: 'Art. 4 AI Act' }, dateSource: 'Art. 113 subpara. 3(a)', highRisk: false },
  prohibited:   { appliesFrom: '2025-02-02', article: { de: 'Art. 5 KI-VO', en: 'Art. 5 AI Act' }, dateSource: 'Art. 113 subpara. 3(a)', highRisk: false },
  oversight:    { appliesFrom: '2026-08-02', article: { de: 'Art. 14, Art. 26 Abs. 2 KI-VO', en: 'Art. 14, 26(2) AI Act' }, dateSource: 'Art. 113 subpara. 2', highRisk: true },
  registration: { appliesFrom: '2026-08-02', article: { de: 'Art. 26 Abs. 8, Art. 49 Abs. 3 KI-VO', en: 'Art. 26(8), 49(3) AI Act' }, dateSource: 'Art. 113 subpara. 2', highRisk: true },
  fria:         { appliesFrom: '2026-08-02', article: { de: 'Art. 27 KI-VO', en: 'Art. 27 AI Act' }, dateSource: 'Art. 113 subpara. 2', highRisk: true },
  transparency: { appliesFrom: '2026-08-02', article: { de: 'Art. 50 KI-VO', en: 'Art. 50 AI Act' }, dateSource: 'Art. 113 subpara. 2', highRisk: false },
};

/**
 * Art. 111(2): high-risk systems placed on the market or put into service before `inServiceBefore`
 * and intended to be used by public authorities must comply by `compliesBy`.
 */
export const AI_ACT_PUBLIC_LEGACY = {
  inServiceBefore: '2026-08-02' as Day,
  compliesBy: '2030-08-02' as Day,
  article: { de: 'Art. 111 Abs. 2 KI-VO', en: 'Art. 111(2) AI Act' } as Localized,
};

/** Art. 49(5): high-risk systems of Annex III point 2 (critical infrastructure) are registered nationally. */
export const AI_ACT_NATIONAL_REGISTRATION: Localized = { de: 'Art. 49 Abs. 5 KI-VO', en: 'Art. 49(5) AI Act' };
