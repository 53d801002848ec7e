import type { Rule } from '../rule';
import { yamlSyntax } from './yaml-syntax';
import { schema } from './schema';
import { notAMeasure } from './not-a-measure';
import { duplicateId } from './duplicate-id';
import { unknownReference } from './unknown-reference';
import { dependencyCycle } from './dependency-cycle';
import { dateOrder } from './date-order';
import { amountFormat } from './amount-format';
import { unknownRule } from './unknown-rule';

/** Rules of this category, in documentation order. */
export const structureRules: Rule[] = [yamlSyntax, schema, notAMeasure, duplicateId, unknownReference, dependencyCycle, dateOrder, amountFormat, unknownRule];
