/**
 * Strategy dates: `YYYY`, `YYYY-Qn`, `YYYY-MM`, `YYYY-MM-DD`. A coarse date stands for its whole
 * period: as a start it means the first day, as an end the last day.
 * Days are compared as ISO strings (`YYYY-MM-DD`), which sort correctly.
 */
export type Day = string;

const DATE_RE = /^(\d{4})(?:-Q([1-4])|-(\d{2})(?:-(\d{2}))?)?$/;

export interface DateSpan {
  first: Day;
  last: Day;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Spans already worked out, by date string: thousands of measures share a few hundred dates, so
 * they share the span objects too (spans are never changed). Bounded for hostile input.
 */
const spans = new Map<string, DateSpan | undefined>();

/** The period a date string stands for, or undefined when it is not a valid strategy date. */
export function parseDateSpan(value: unknown): DateSpan | undefined {
  const s = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof s !== 'string') return undefined;
  if (s.length > 16) return spanOf(s); // not a date (and no long strings held)
  if (spans.has(s)) return spans.get(s);
  const span = spanOf(s);
  if (spans.size < 10_000) spans.set(s, span);
  return span;
}

function spanOf(s: string): DateSpan | undefined {
  const m = DATE_RE.exec(s.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[2]) {
    const q = Number(m[2]);
    const m1 = (q - 1) * 3 + 1;
    return { first: `${m[1]}-${pad(m1)}-01`, last: `${m[1]}-${pad(m1 + 2)}-${pad(daysInMonth(y, m1 + 2))}` };
  }
  if (m[3]) {
    const mo = Number(m[3]);
    if (mo < 1 || mo > 12) return undefined;
    if (m[4]) {
      const d = Number(m[4]);
      if (d < 1 || d > daysInMonth(y, mo)) return undefined;
      return { first: s.trim(), last: s.trim() };
    }
    return { first: `${m[1]}-${pad(mo)}-01`, last: `${m[1]}-${pad(mo)}-${pad(daysInMonth(y, mo))}` };
  }
  return { first: `${m[1]}-01-01`, last: `${m[1]}-12-31` };
}

export function isValidDate(value: unknown): boolean {
  return parseDateSpan(value) !== undefined;
}

export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDateSpan(value) !== undefined;
}

/** The day of `now` in UTC; the caller owns the clock. */
export function todayUtc(now: Date): Day {
  return `${now.getUTCFullYear()}-${pad(now.getUTCMonth() + 1)}-${pad(now.getUTCDate())}`;
}

export function addDays(day: Day, n: number): Day {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Quarter label `YYYY-Qn` of a day. */
export function quarterOf(day: Day): string {
  const m = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-Q${Math.floor((m - 1) / 3) + 1}`;
}
