import { isDay, parseRuleOption, todayUtc, type SeveritySetting, type Lang } from '../strategy/index';
import { UsageError } from './errors';
import { cliLang } from './lang';

/** `--as-of`, or today by the machine's clock (the core reads no clock: docs/architecture.md). */
export function parseAsOf(v: string | undefined, now: Date = new Date()): string {
  if (v === undefined) return todayUtc(now);
  if (!isDay(v)) throw new UsageError('cli.option.asOf', { value: v });
  return v;
}

export function parseLang(v: string | undefined): Lang | undefined {
  if (v === undefined) return undefined;
  if (v !== 'de' && v !== 'en') throw new UsageError('cli.option.lang', { value: v });
  return v;
}

export function parseRules(specs: string[] | undefined): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const s of specs ?? []) {
    const r = parseRuleOption(s);
    if ('error' in r) throw new UsageError('cli.option.rule', { problem: r.error.text(cliLang()) });
    out[r.rule] = r.severity;
  }
  return out;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseCount(name: string) {
  return (v: string): number => {
    if (!/^\d+$/.test(v)) throw new UsageError('cli.option.count', { option: name, value: v });
    return Number(v);
  };
}

/**
 * `--max-file-size`: bytes, or with a binary suffix (`512K`, `4M`: KiB, MiB). A trusted setting of
 * whoever runs the tool, deliberately not one of the repository (docs/security.md).
 */
export function parseSize(v: string): number {
  const m = /^(\d+)\s*(k|kib|m|mib)?$/i.exec(v.trim());
  const bytes = m ? Number(m[1]) * (m[2] ? (m[2][0].toLowerCase() === 'k' ? 1024 : 1024 * 1024) : 1) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) throw new UsageError('cli.option.size', { value: v });
  return bytes;
}
