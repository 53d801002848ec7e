import type { Rule } from './rule';
import { structureRules } from './structure/index';
import { planningRules } from './planning/index';
import { fundingRules } from './funding/index';
import { privacyRules } from './privacy/index';
import { aiActRules } from './ai-act/index';
import { registerRules } from './register/index';
import { waiverExpired } from './waivers/waiver-expired';
import { waiverUnused } from './waivers/waiver-unused';
import { waiverReason } from './waivers/waiver-reason';

export const ALL_RULES: Rule[] = [...structureRules, ...planningRules, ...fundingRules, ...privacyRules, ...aiActRules, ...registerRules, waiverExpired, waiverUnused, waiverReason];
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.id, r]));
