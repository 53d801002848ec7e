/**
 * Numbers, money and dates in a language, for reports and rule messages alike: German forms for
 * `de` (1.000.000 €, 26.11.2026), British English forms for `en` (€1,000,000, 26 November 2026).
 * Intl does the work; only strategy dates (`YYYY`, `YYYY-Qn`, `YYYY-MM`, `YYYY-MM-DD`) need a
 * little parsing.
 */
import type { Lang } from './types';
import { message } from './messages/index';

const LOCALES: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

const DATE_RE = /^(\d{4})(?:-Q([1-4])|-(\d{2})(?:-(\d{2}))?)?$/;

export interface Formatter {
  readonly lang: Lang;
  /** A euro amount: no cents for whole euros, two decimals otherwise. */
  money(amount: number): string;
  count(n: number): string;
  /** A strategy date in its own precision; text that is not a date is returned unchanged. */
  date(value: string | number | undefined): string;
  /** A period from start to end (either may be missing). */
  period(start: string | number | undefined, end: string | number | undefined): string;
}

export function makeFormatter(lang: Lang): Formatter {
  const locale = LOCALES[lang];
  const whole = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 });
  const cents = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, lang === 'de' ? { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' } : { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  const month = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', month: 'long', year: 'numeric' });

  const date = (value: string | number | undefined): string => {
    if (value === undefined) return '';
    const s = String(value).trim();
    const m = DATE_RE.exec(s);
    if (!m) return s;
    const [, y, q, mo, d] = m;
    if (q) return message(lang, 'format.quarter', { q, year: y });
    if (mo && Number(mo) >= 1 && Number(mo) <= 12) {
      const at = new Date(`${y}-${mo}-${d ?? '01'}T00:00:00Z`);
      if (Number.isNaN(at.getTime()) || (d && at.getUTCDate() !== Number(d))) return s;
      return d ? day.format(at) : month.format(at);
    }
    return mo ? s : y;
  };

  return {
    lang,
    money: (amount) => (Number.isInteger(Math.round(amount * 100) / 100) ? whole : cents).format(amount),
    count: (n) => integer.format(n),
    date,
    period(start, end) {
      const a = date(start);
      const b = date(end);
      if (a && b) return `${a} – ${b}`;
      if (a) return message(lang, 'format.from', { date: a });
      if (b) return message(lang, 'format.until', { date: b });
      return '';
    },
  };
}

/** Sums money without binary-fraction noise (cents are exact). */
export function addMoney(a: number, b: number): number {
  return Math.round((a + b) * 100) / 100;
}
