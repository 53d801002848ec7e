import type { Finding } from '../../strategy/index';
import { shownId, shownText, type FormatContext } from './types';

function row(f: Finding, lang: 'de' | 'en') {
  return {
    file: f.file,
    line: f.range.start.line,
    column: f.range.start.column,
    endLine: f.range.end.line,
    endColumn: f.range.end.column,
    severity: f.severity,
    rule: f.rule,
    ...(f.measure !== undefined ? { measure: shownId(f.measure) } : {}),
    message: f.message[lang],
  };
}

/** The stable JSON of SPEC §5.1. */
export function formatJson(ctx: FormatContext): string {
  const { result } = ctx;
  const shown = ctx.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  const count = (s: string) => result.findings.filter((f) => f.severity === s).length;
  const out = {
    version: 1,
    root: ctx.rootLabel,
    asOf: result.asOf,
    summary: { errors: count('error'), warnings: count('warning'), infos: count('info'), waived: result.waived.length, files: result.files.length, measures: result.measureCount },
    findings: shown.map((f) => row(f, result.lang)),
    waived: result.waived.map((f) => ({ ...row(f, result.lang), reason: shownText(f.waiver!.reason), ...(f.waiver!.until ? { until: shownText(f.waiver!.until) } : {}), ...(f.waiver!.by ? { by: shownText(f.waiver!.by) } : {}) })),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
