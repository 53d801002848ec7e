import type { Rule } from '../rule';
import { registerFieldMissing } from './register-field-missing';
import { registerTextTooLong } from './register-text-too-long';
import { registerPlaceholder } from './register-placeholder';
import { registerDuplicate } from './register-duplicate';
import { humanOversightYesNo } from './human-oversight-yes-no';

/** Rules of this category, in documentation order. */
export const registerRules: Rule[] = [registerFieldMissing, registerTextTooLong, registerPlaceholder, registerDuplicate, humanOversightYesNo];
