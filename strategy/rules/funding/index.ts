import type { Rule } from '../rule';
import { fundingMissing } from './funding-missing';
import { fundingGap } from './funding-gap';
import { fundingPending } from './funding-pending';
import { fundingDeadline } from './funding-deadline';

/** Rules of this category, in documentation order. */
export const fundingRules: Rule[] = [fundingMissing, fundingGap, fundingPending, fundingDeadline];
