import { parseDateSpan, type Day } from '../../dates';

/** A waiver holds through the last day of its `until` period (a coarse date means its whole period). */
export function waiverExpiredOn(until: string | undefined, asOf: Day): boolean {
  if (!until) return false;
  const span = parseDateSpan(until);
  return span ? span.last < asOf : false;
}
