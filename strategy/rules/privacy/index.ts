import type { Rule } from '../rule';
import { privacyReviewMissing } from './privacy-review-missing';
import { dpiaMissing } from './dpia-missing';
import { dpoNotConsulted } from './dpo-not-consulted';
import { ropaMissing } from './ropa-missing';

/** Rules of this category, in documentation order. */
export const privacyRules: Rule[] = [privacyReviewMissing, dpiaMissing, dpoNotConsulted, ropaMissing];
