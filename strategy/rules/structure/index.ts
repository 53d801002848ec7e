import type { Rule } from '../rule';
import { yamlSyntax } from './yaml-syntax';
import { schema } from './schema';
import { notAMeasure } from './not-a-measure';

/** Rules of this category, in documentation order. */
export const structureRules: Rule[] = [yamlSyntax, schema, notAMeasure];
