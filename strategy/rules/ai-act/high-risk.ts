import type { AiBlock } from '../../model/types';

/** Annex III point 2 (critical infrastructure): no FRIA (Art. 27(1)), national registration (Art. 49(5)). */
export function isAnnexIIIPoint2(ai: AiBlock): boolean {
  return ai.annex_iii !== undefined && /^2(\(|$)/.test(ai.annex_iii.trim());
}
