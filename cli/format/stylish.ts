import { shownId, type FormatContext } from './types';
import { printable } from '../ci-safe';
import { groupByFile, message, type MessageData, type MessageKey, type Severity } from '../../strategy/index';

const paint = (on: boolean, code: number, s: string) => (on ? `\u001b[${code}m${s}\u001b[39m` : s);

export { printable };

const SEVERITY_COLOUR: Record<Severity, number> = { error: 31, warning: 33, info: 36 };

/** Human output in the style of ESLint's "stylish": grouped by file, then a summary line. */
export function formatStylish(ctx: FormatContext): string {
  const { result, color } = ctx;
  const labels = (['error', 'warning', 'info'] as const).map((s) => message(result.lang, `severity.${s}`));
  const width = Math.max(...labels.map((l) => l.length));
  const severityLabel = (s: Severity) => message(result.lang, `severity.${s}`).padEnd(width);
  const shown = ctx.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  const lines: string[] = [];
  for (const [file, list] of groupByFile(shown)) {
    lines.push(color ? `\u001b[4m${printable(file)}\u001b[24m` : printable(file));
    for (const f of list) {
      const sev = paint(color, SEVERITY_COLOUR[f.severity], severityLabel(f.severity));
      const where = `${f.range.start.line}:${f.range.start.column}`.padEnd(8);
      const measure = f.measure ? `[${printable(shownId(f.measure))}] ` : '';
      lines.push(`  ${where} ${sev}  ${measure}${printable(f.message[result.lang])}  ${paint(color, 90, f.rule)}`);
    }
    lines.push('');
  }
  const n = (s: string) => result.findings.filter((f) => f.severity === s).length;
  const e = n('error');
  const w = n('warning');
  const i = n('info');
  const waived = result.waived.length;
  const measures = result.measureCount;
  const files = result.files.length;
  const t = (key: MessageKey, data?: MessageData) => message(result.lang, key, data);
  const counted = (n: number, one: MessageKey, other: MessageKey) => t(n === 1 ? one : other, { n });
  const summary = t('lint.summary', {
    errors: counted(e, 'lint.errors.one', 'lint.errors.other'),
    warnings: counted(w, 'lint.warnings.one', 'lint.warnings.other'),
    infos: counted(i, 'lint.infos.one', 'lint.infos.other'),
    waived,
    measures: counted(measures, 'lint.measures.one', 'lint.measures.other'),
    files: counted(files, 'lint.files.one', 'lint.files.other'),
    asOf: result.asOf,
  });
  lines.push(paint(color, e ? 31 : w ? 33 : 32, summary));
  return lines.join('\n') + '\n';
}
