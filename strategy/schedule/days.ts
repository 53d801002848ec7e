/** Days as whole numbers (days since 1970-01-01, UTC) for date arithmetic; `Day` strings outside. */
import type { Day } from '../dates';

const MS_PER_DAY = 86_400_000;

export function dayNumber(day: Day | undefined): number | undefined {
  if (!day) return undefined;
  const ms = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
  return Number.isFinite(ms) ? Math.round(ms / MS_PER_DAY) : undefined;
}

/** Day strings already made: a plan has a few hundred distinct days, read thousands of times. Bounded. */
const strings = new Map<number, Day>();

export function dayString(n: number): Day {
  let s = strings.get(n);
  if (s === undefined) {
    s = new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
    if (strings.size < 20_000) strings.set(n, s);
  }
  return s;
}

/** Days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: Day, b: Day): number {
  return dayNumber(b)! - dayNumber(a)!;
}
