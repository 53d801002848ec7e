import type { FormatContext } from './types';
import { groupByFile } from '../../strategy/index';

const paint = (on: boolean, code: number, s: string) => (on ? `\u001b[${code}m${s}\u001b[39m` : s);

/** Human output in the style of ESLint's "stylish": grouped by file, then a summary line. */
export function formatStylish(ctx: FormatContext): string {
  const { result, color } = ctx;
  const de = result.lang === 'de';
  const shown = ctx.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  const lines: string[] = [];
  for (const [file, list] of groupByFile(shown)) {
    lines.push(color ? `\u001b[4m${file}\u001b[24m` : file);
    for (const f of list) {
      const sev = f.severity === 'error' ? paint(color, 31, de ? 'Fehler ' : 'error  ') : f.severity === 'warning' ? paint(color, 33, de ? 'Warnung' : 'warning') : paint(color, 36, de ? 'Hinweis' : 'info   ');
      const where = `${f.range.start.line}:${f.range.start.column}`.padEnd(8);
      const measure = f.measure ? `[${f.measure}] ` : '';
      lines.push(`  ${where} ${sev}  ${measure}${f.message[result.lang].replace(/[\r\n]+/g, ' ')}  ${paint(color, 90, f.rule)}`);
    }
    lines.push('');
  }
  const n = (s: string) => result.findings.filter((f) => f.severity === s).length;
  const e = n('error');
  const w = n('warning');
  const i = n('info');
  const summary = de
    ? `${e} Fehler, ${w} Warnungen, ${i} Hinweise, ${result.waived.length} per Ausnahme zurückgestellt – ${result.model.measures.length} Maßnahmen in ${result.fileCount} Dateien (Stichtag ${result.asOf})`
    : `${e} errors, ${w} warnings, ${i} infos, ${result.waived.length} waived – ${result.model.measures.length} measures in ${result.fileCount} files (as of ${result.asOf})`;
  lines.push(paint(color, e ? 31 : w ? 33 : 32, summary));
  return lines.join('\n') + '\n';
}
