import type { FormatContext } from './types';
import { groupByFile } from '../../strategy/index';

const paint = (on: boolean, code: number, s: string) => (on ? `\u001b[${code}m${s}\u001b[39m` : s);

/** User text on a terminal: line breaks become spaces, other control characters (ESC …) visible escapes, so no text can move the cursor or recolour the output. */
export const printable = (s: string) =>
  s.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Human output in the style of ESLint's "stylish": grouped by file, then a summary line. */
export function formatStylish(ctx: FormatContext): string {
  const { result, color } = ctx;
  const de = result.lang === 'de';
  const shown = ctx.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  const lines: string[] = [];
  for (const [file, list] of groupByFile(shown)) {
    lines.push(color ? `\u001b[4m${printable(file)}\u001b[24m` : printable(file));
    for (const f of list) {
      const sev = f.severity === 'error' ? paint(color, 31, de ? 'Fehler ' : 'error  ') : f.severity === 'warning' ? paint(color, 33, de ? 'Warnung' : 'warning') : paint(color, 36, de ? 'Hinweis' : 'info   ');
      const where = `${f.range.start.line}:${f.range.start.column}`.padEnd(8);
      const measure = f.measure ? `[${printable(f.measure)}] ` : '';
      lines.push(`  ${where} ${sev}  ${measure}${printable(f.message[result.lang])}  ${paint(color, 90, f.rule)}`);
    }
    lines.push('');
  }
  const n = (s: string) => result.findings.filter((f) => f.severity === s).length;
  const e = n('error');
  const w = n('warning');
  const i = n('info');
  const waived = result.waived.length;
  const measures = result.model.measures.length;
  const files = result.fileCount;
  const summary = de
    ? `${e} Fehler, ${w} ${w === 1 ? 'Warnung' : 'Warnungen'}, ${i} ${i === 1 ? 'Hinweis' : 'Hinweise'}, ${waived} per Ausnahme zurückgestellt – ${measures} ${measures === 1 ? 'Maßnahme' : 'Maßnahmen'} in ${files} ${files === 1 ? 'Datei' : 'Dateien'} (Stichtag ${result.asOf})`
    : `${e} ${e === 1 ? 'error' : 'errors'}, ${w} ${w === 1 ? 'warning' : 'warnings'}, ${i} ${i === 1 ? 'info' : 'infos'}, ${waived} waived – ${measures} ${measures === 1 ? 'measure' : 'measures'} in ${files} ${files === 1 ? 'file' : 'files'} (as of ${result.asOf})`;
  lines.push(paint(color, e ? 31 : w ? 33 : 32, summary));
  return lines.join('\n') + '\n';
}
