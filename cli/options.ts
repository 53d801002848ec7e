import { isDay, parseRuleOption, type SeveritySetting, type Lang } from '../strategy/index';
import { UsageError } from './errors';

export function parseAsOf(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!isDay(v)) throw new UsageError(`--as-of: "${v}" is not a date (YYYY-MM-DD)`);
  return v;
}

export function parseLang(v: string | undefined): Lang | undefined {
  if (v === undefined) return undefined;
  if (v !== 'de' && v !== 'en') throw new UsageError(`--lang: expected de or en, got "${v}"`);
  return v;
}

export function parseRules(specs: string[] | undefined): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const s of specs ?? []) {
    const r = parseRuleOption(s);
    if ('error' in r) throw new UsageError(`--rule: ${r.error}`);
    out[r.rule] = r.severity;
  }
  return out;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseCount(name: string) {
  return (v: string): number => {
    if (!/^\d+$/.test(v)) throw new UsageError(`${name}: expected a whole number, got "${v}"`);
    return Number(v);
  };
}
