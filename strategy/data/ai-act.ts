/**
 * EU AI Act: the deployer obligations the lint rules check, with the day each applies from, per
 * version of the act. Every date carries its legal source. Rules read dates only from here.
 *
 * Versions:
 * - `original`: Regulation (EU) 2024/1689 as published (OJ L, 2024/1689, 12.7.2024).
 * - `amended-2026`: as amended by Regulation (EU) 2026/1744 (Digital Omnibus on AI), reported
 *   published in OJ L, 2026/1744 of 24.7.2026 and in force from 27.7.2026. See docs/ai-act.md
 *   for what was found and how it was checked.
 *
 * By default the version in force on the as-of date applies; `ai_act.version` in strategy.yaml
 * pins one.
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
  /** The provision that sets `appliesFrom`, in the version of the act it belongs to. */
  dateSource: string;
  /** A high-risk obligation: Art. 111(2) defers it for systems a public authority put into service before the cut-off. */
  highRisk: boolean;
}

export const AI_ACT_VERSION_IDS = ['original', 'amended-2026'] as const;
export type AiActVersionId = (typeof AI_ACT_VERSION_IDS)[number];

export interface AiActVersion {
  id: AiActVersionId;
  /** How reports and rule docs name the version. */
  title: Localized;
  /** The act that made this version and its publication. */
  source: Localized;
  /** Official text (ELI or OJ address) of the act that made this version. */
  url: string;
  /** The first day this version is the law. */
  inForceFrom: Day;
  obligations: Record<AiActObligationId, AiActObligation>;
}

const ARTICLES = {
  literacy: { de: 'Art. 4 KI-VO', en: 'Art. 4 AI Act' },
  prohibited: { de: 'Art. 5 KI-VO', en: 'Art. 5 AI Act' },
  oversight: { de: 'Art. 14, Art. 26 Abs. 2 KI-VO', en: 'Art. 14, 26(2) AI Act' },
  registration: { de: 'Art. 26 Abs. 8, Art. 49 Abs. 3 KI-VO', en: 'Art. 26(8), 49(3) AI Act' },
  fria: { de: 'Art. 27 KI-VO', en: 'Art. 27 AI Act' },
  transparency: { de: 'Art. 50 KI-VO', en: 'Art. 50 AI Act' },
} satisfies Record<AiActObligationId, Localized>;

// prettier-ignore
export const AI_ACT_ORIGINAL: AiActVersion = {
  id: 'original',
  title: { de: 'KI-VO (Verordnung (EU) 2024/1689) in der ursprünglichen Fassung', en: 'AI Act (Regulation (EU) 2024/1689) as originally published' },
  source: { de: 'Verordnung (EU) 2024/1689, ABl. L, 2024/1689, 12.7.2024', en: 'Regulation (EU) 2024/1689, OJ L, 2024/1689, 12.7.2024' },
  url: AI_ACT_ELI,
  inForceFrom: '2024-08-01',
  obligations: {
    literacy:     { article: ARTICLES.literacy,     appliesFrom: '2025-02-02', dateSource: 'Reg. (EU) 2024/1689, Art. 113 subpara. 3(a)', highRisk: false },
    prohibited:   { article: ARTICLES.prohibited,   appliesFrom: '2025-02-02', dateSource: 'Reg. (EU) 2024/1689, Art. 113 subpara. 3(a)', highRisk: false },
    oversight:    { article: ARTICLES.oversight,    appliesFrom: '2026-08-02', dateSource: 'Reg. (EU) 2024/1689, Art. 113 subpara. 2', highRisk: true },
    registration: { article: ARTICLES.registration, appliesFrom: '2026-08-02', dateSource: 'Reg. (EU) 2024/1689, Art. 113 subpara. 2', highRisk: true },
    fria:         { article: ARTICLES.fria,         appliesFrom: '2026-08-02', dateSource: 'Reg. (EU) 2024/1689, Art. 113 subpara. 2', highRisk: true },
    transparency: { article: ARTICLES.transparency, appliesFrom: '2026-08-02', dateSource: 'Reg. (EU) 2024/1689, Art. 113 subpara. 2', highRisk: false },
  },
};

/**
 * The Digital Omnibus on AI defers Chapter III Sections 1 to 3 (classification, requirements,
 * provider and deployer obligations, hence Art. 14, 26 and 27) for Annex III systems to
 * 2 December 2027 (Annex I systems: 2 August 2028; the model has no Annex I key, so the Annex III
 * date applies). Art. 4, 5 and 50 keep their dates.
 */
// prettier-ignore
export const AI_ACT_AMENDED_2026: AiActVersion = {
  id: 'amended-2026',
  title: { de: 'KI-VO in der Fassung der Verordnung (EU) 2026/1744 (Digital-Omnibus zur KI)', en: 'AI Act as amended by Regulation (EU) 2026/1744 (Digital Omnibus on AI)' },
  source: { de: 'Verordnung (EU) 2026/1744, ABl. L, 2026/1744, 24.7.2026 (in Kraft seit 27.7.2026)', en: 'Regulation (EU) 2026/1744, OJ L, 2026/1744, 24.7.2026 (in force from 27.7.2026)' },
  url: 'https://eur-lex.europa.eu/eli/reg/2026/1744/oj',
  inForceFrom: '2026-07-27',
  obligations: {
    literacy:     { article: ARTICLES.literacy,     appliesFrom: '2025-02-02', dateSource: 'Reg. (EU) 2024/1689, Art. 113 subpara. 3(a), unchanged by Reg. (EU) 2026/1744', highRisk: false },
    prohibited:   { article: ARTICLES.prohibited,   appliesFrom: '2025-02-02', dateSource: 'Reg. (EU) 2024/1689, Art. 113 subpara. 3(a) as amended by Reg. (EU) 2026/1744', highRisk: false },
    oversight:    { article: ARTICLES.oversight,    appliesFrom: '2027-12-02', dateSource: 'Reg. (EU) 2024/1689, Art. 113 subpara. 3(c) as amended by Reg. (EU) 2026/1744 (Annex III)', highRisk: true },
    registration: { article: ARTICLES.registration, appliesFrom: '2027-12-02', dateSource: 'Reg. (EU) 2024/1689, Art. 113 subpara. 3(c) as amended by Reg. (EU) 2026/1744 (Annex III; Art. 26(8))', highRisk: true },
    fria:         { article: ARTICLES.fria,         appliesFrom: '2027-12-02', dateSource: 'Reg. (EU) 2024/1689, Art. 113 subpara. 3(c) as amended by Reg. (EU) 2026/1744 (Annex III)', highRisk: true },
    transparency: { article: ARTICLES.transparency, appliesFrom: '2026-08-02', dateSource: 'Reg. (EU) 2024/1689, Art. 113 subpara. 2, unchanged by Reg. (EU) 2026/1744', highRisk: false },
  },
};

/** Oldest first. */
export const AI_ACT_VERSIONS: readonly AiActVersion[] = [AI_ACT_ORIGINAL, AI_ACT_AMENDED_2026];

/**
 * The version that applies on `asOf`: the pinned one if given, else the newest in force that day.
 */
export function aiActVersionFor(asOf: Day, pinned?: AiActVersionId): AiActVersion {
  if (pinned) return AI_ACT_VERSIONS.find((v) => v.id === pinned)!;
  let current = AI_ACT_VERSIONS[0];
  for (const v of AI_ACT_VERSIONS) if (v.inForceFrom <= asOf) current = v;
  return current;
}

/** The original table; articles are the same in every version. */
export const AI_ACT_OBLIGATIONS = AI_ACT_ORIGINAL.obligations;

/**
 * Art. 111(2): high-risk systems placed on the market or put into service before `inServiceBefore`
 * and intended to be used by public authorities must comply by `compliesBy`. No report of the
 * amendment changing these dates was found; both versions use them.
 */
export const AI_ACT_PUBLIC_LEGACY = {
  inServiceBefore: '2026-08-02' as Day,
  compliesBy: '2030-08-02' as Day,
  article: { de: 'Art. 111 Abs. 2 KI-VO', en: 'Art. 111(2) AI Act' } as Localized,
};

/** Art. 49(5): high-risk systems of Annex III point 2 (critical infrastructure) are registered nationally. */
export const AI_ACT_NATIONAL_REGISTRATION: Localized = { de: 'Art. 49 Abs. 5 KI-VO', en: 'Art. 49(5) AI Act' };
