import { createHash } from 'node:crypto';
import type { FormatContext } from './types';

/**
 * GitLab's code quality report (a subset of the Code Climate format): one issue per finding, shown
 * in the merge request's code quality widget. Severity as ESLint's GitLab formatters map it:
 * error → major, warning → minor, info → info. The fingerprint leaves out the line, so that a
 * finding keeps its identity when lines above it move.
 */
export function formatCodeQuality(ctx: FormatContext): string {
  const { result } = ctx;
  const shown = ctx.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  const prefix = ctx.rootLabel === '.' ? '' : ctx.rootLabel.replace(/\/$/, '') + '/';
  const seen = new Map<string, number>();
  const issues = shown.map((f) => {
    const base = createHash('sha256').update([f.rule, f.file, f.measure ?? '', f.message.en].join('\0')).digest('hex');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return {
      type: 'issue',
      check_name: f.rule,
      description: f.message[result.lang],
      severity: f.severity === 'error' ? 'major' : f.severity === 'warning' ? 'minor' : 'info',
      fingerprint: n ? createHash('sha256').update(`${base}\0${n}`).digest('hex') : base,
      location: { path: prefix + f.file, lines: { begin: f.range.start.line, end: f.range.end.line } },
    };
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
