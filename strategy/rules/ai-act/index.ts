import type { Rule } from '../rule';
import { aiRiskUnclassified } from './ai-risk-unclassified';
import { aiProhibited } from './ai-prohibited';
import { aiFriaMissing } from './ai-fria-missing';
import { aiRegistrationMissing } from './ai-registration-missing';
import { aiOversightMissing } from './ai-oversight-missing';
import { aiTransparencyMissing } from './ai-transparency-missing';
import { aiLiteracyMissing } from './ai-literacy-missing';
import { aiExemptionInvalid } from './ai-exemption-invalid';
import { ethicsReviewMissing } from './ethics-review-missing';
import { euDatabaseIncomplete } from './eu-database-incomplete';

/** Rules of this category, in documentation order. */
export const aiActRules: Rule[] = [
  aiRiskUnclassified,
  aiProhibited,
  aiFriaMissing,
  aiRegistrationMissing,
  euDatabaseIncomplete,
  aiOversightMissing,
  aiTransparencyMissing,
  aiLiteracyMissing,
  aiExemptionInvalid,
  ethicsReviewMissing,
];
