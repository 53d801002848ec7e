/**
 * Funding vocabulary the funding rules share (SPEC §4.1): which measures need funding, and what
 * each funding status means for the money. A change of policy (say, ideas need funding too) is an
 * edit here, not in rule code.
 */
import type { FundingStatus, MeasureStatus } from '../model/types';
import type { Severity } from '../types';

/** The `source` that stands for the municipal budget (Eigenmittel), not a funding programme. */
export const OWN_FUNDS = 'own';

/**
 * Measure statuses that must name their funding, with the case default of `funding-missing`:
 * planned → warning, pilot/active → error. Ideas are not costed yet; completed, paused and
 * cancelled measures no longer raise money.
 */
export const FUNDING_REQUIRED: Readonly<Partial<Record<MeasureStatus, Severity>>> = {
  planned: 'warning',
  pilot: 'error',
  active: 'error',
};

/** Measure statuses that run on money now (`funding-pending`). */
export const FUNDING_IN_USE: ReadonlySet<MeasureStatus> = new Set(['pilot', 'active']);

/** Programme money that is secured. */
export const SECURED: ReadonlySet<FundingStatus> = new Set(['granted']);

/** Programme money that is hoped for but not yet secured. */
export const PENDING: ReadonlySet<FundingStatus> = new Set(['candidate', 'planned', 'applied']);

/** Entries whose application is still to be made, so a programme deadline concerns them. */
export const NOT_YET_APPLIED: ReadonlySet<FundingStatus> = new Set(['candidate', 'planned']);

/** Entries that bring no money. */
export const LOST: ReadonlySet<FundingStatus> = new Set(['rejected']);
