/**
 * Which rules apply where: the rule profile of the repository (`lint.profile`) and the reach of
 * the AI Act (jurisdiction, AI system or not, retired systems). Applied by the workspace for every
 * rule, so no rule can forget it.
 */
import { parseDateSpan, type Day } from '../dates';
import type { Catalogues, LintProfile, Measure } from '../model/types';
import type { RuleCategory, RuleMeta } from './rule';

/** Categories whose rules concern a strategy (money, plan), not a register of systems. */
export const STRATEGY_ONLY_CATEGORIES: ReadonlySet<RuleCategory> = new Set<RuleCategory>(['funding', 'planning']);
/**
 * Rules that ask the repository to record the city's internal reviews (data protection, ethics),
 * which registers do not publish: a register-only repository does not hold them. The duties
 * themselves (DPIA, FRIA, …) are still checked where the entry records the review.
 */
export const STRATEGY_ONLY_RULES: ReadonlySet<string> = new Set(['privacy-review-missing', 'ethics-review-missing']);

export function profileOf(model: Catalogues): LintProfile {
  return model.strategy.lint.profile ?? 'strategy';
}

/** A register-only repository (`lint.profile: register`) gets no funding, planning or review-recording findings. */
export function ruleInProfile(rule: RuleMeta, profile: LintProfile): boolean {
  return profile !== 'register' || !(STRATEGY_ONLY_CATEGORIES.has(rule.category) || STRATEGY_ONLY_RULES.has(rule.id));
}

/** The system's jurisdiction: the measure's own, else the strategy's, else the EU. */
export function jurisdictionOf(measure: Measure, model: Catalogues): 'eu' | 'uk' {
  return measure.jurisdiction ?? model.strategy.jurisdiction ?? 'eu';
}

/** True once the system is retired: `lifecycle.retired_on` lies wholly on or before `asOf`. */
export function isRetired(measure: Measure, asOf: Day): boolean {
  const retired = parseDateSpan(measure.lifecycle?.retiredOn);
  return retired !== undefined && retired.last <= asOf;
}

/**
 * Whether the AI Act's deployer duties reach this measure on `asOf`: an AI system (not an
 * `ai.system: algorithm`), under EU jurisdiction, not retired.
 */
export function withinAiAct(measure: Measure, model: Catalogues, asOf: Day): boolean {
  if (measure.ai?.system === 'algorithm') return false;
  if (jurisdictionOf(measure, model) !== 'eu') return false;
  return !isRetired(measure, asOf);
}

/**
 * Whether a rule runs for a measure: AI Act rules only within the AI Act; duties for a system in
 * operation (AI Act, data protection) not once the system is retired.
 */
export function ruleAppliesTo(rule: RuleMeta, measure: Measure, model: Catalogues, asOf: Day): boolean {
  if (rule.category === 'ai-act') return withinAiAct(measure, model, asOf);
  if (rule.category === 'privacy') return !isRetired(measure, asOf);
  return true;
}
