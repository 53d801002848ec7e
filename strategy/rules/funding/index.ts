import type { Rule } from '../rule';

/** Rules of this category, in documentation order. */
export const fundingRules: Rule[] = [];
