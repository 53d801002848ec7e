// Every enumerated value of the file format, by the name scripts/gen-schemas.mjs uses: the one
// source of enums. The generator puts them into the JSON Schemas (strategy/schema/*.schema.json),
// the model reads values with them (strategy/model/*), and the editor's completion comes from the
// schemas (strategy/schema/completion.ts). Adding a value: add it to its constant. Adding an enum:
// a constant here (or where its domain lives, re-exported here), then use it in the generator.
export {
  MEASURE_STATUSES, FUNDING_STATUSES, MILESTONE_STATUSES, AI_CATEGORIES, AI_RISKS, PROVIDERS, AI_SYSTEM_KINDS, IMPACT_ASSESSMENT_KINDS,
  JURISDICTIONS, LINT_PROFILES, PARTNER_KINDS, ASSESSMENT_STATES, EU_REGISTRATION_STATES, ETHICS_REVIEW_STATES, LANGUAGES, SEVERITY_SETTINGS,
} from '../model/types';
export { AI_ACT_VERSION_IDS } from '../data/ai-act';
export { ANALYSIS_KINDS, INQUIRY_VALUE_KEYS } from '../model/inquiry';
export { VISIBLE_TEXT_PATTERN } from '../model/coerce';
