import type { Rule } from '../rule';
import { ownerMissing } from './owner-missing';

/** Rules of this category, in documentation order. */
export const planningRules: Rule[] = [ownerMissing];
