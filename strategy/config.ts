import type { Lang, Severity, SeveritySetting } from './types';
import { MessageError } from './messages/index';
import { RULES_BY_ID } from './rules/index';
import type { Day } from './dates';

export interface LintOptions {
  /**
   * The date every date-based rule compares with. The core reads no clock: a front end passes the
   * date asked for (`--as-of`, the editor setting) or today from its own clock.
   */
  asOf: Day;
  /** Severities that override strategy.yaml `lint.rules` (command line, editor settings). */
  ruleOverrides?: Record<string, SeveritySetting>;
  /** Message language; default: strategy.yaml `language`, else German. */
  lang?: Lang;
  /**
   * No later update will follow (a command-line run): the per-measure results that make an
   * editor's next lint cheap are not kept – about 3 MB at 5,000 measures (BENCHMARKS.md).
   */
  once?: boolean;
}

export const DEFAULT_DEADLINE_DAYS = 60;

/** Severity of a rule after strategy.yaml and overrides: override > repository config > default. */
export function resolveSeverity(rule: string, repoRules: Record<string, SeveritySetting>, overrides: Record<string, SeveritySetting> = {}, caseDefault?: Severity): SeveritySetting {
  return overrides[rule] ?? repoRules[rule] ?? caseDefault ?? RULES_BY_ID.get(rule)?.defaultSeverity ?? 'error';
}

export function isSeverity(s: string): s is Severity {
  return s === 'error' || s === 'warning' || s === 'info';
}

/** Parses `ID=SEV` as given on the command line. */
export function parseRuleOption(spec: string): { rule: string; severity: SeveritySetting } | { error: MessageError } {
  const m = /^([a-z0-9-]+)=(error|warning|info|off)$/.exec(spec.trim());
  if (!m) return { error: new MessageError('cli.rule.spec', { value: spec }) };
  if (!RULES_BY_ID.has(m[1])) return { error: new MessageError('cli.rule.unknown', { rule: m[1] }) };
  return { rule: m[1], severity: m[2] as SeveritySetting };
}
