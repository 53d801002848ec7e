import type { Rule } from '../rule';
import { scheduleConflict } from './schedule-conflict';
import { milestoneOverdue } from './milestone-overdue';
import { statusMismatch } from './status-mismatch';
import { ownerMissing } from './owner-missing';
import { notAnchored } from './not-anchored';
import { outsideHorizon } from './outside-horizon';
import { negativeSlack } from './negative-slack';

/** Rules of this category, in documentation order. */
export const planningRules: Rule[] = [scheduleConflict, milestoneOverdue, statusMismatch, ownerMissing, notAnchored, outsideHorizon, negativeSlack];
