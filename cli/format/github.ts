import { shownId, type FormatContext } from './types';

/** Escaping of GitHub workflow commands (data and properties differ: properties also escape `:` and `,`). */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions workflow commands: `::error file=…,line=…::message`, shown as annotations. */
export function formatGithub(ctx: FormatContext): string {
  const { result } = ctx;
  const shown = ctx.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  const prefix = ctx.rootLabel === '.' ? '' : ctx.rootLabel.replace(/\/$/, '') + '/';
  return shown
    .map((f) => {
      const cmd = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const props = [
        `file=${escapeProperty(prefix + f.file)}`,
        `line=${f.range.start.line}`,
        `col=${f.range.start.column}`,
        `endLine=${f.range.end.line}`,
        `endColumn=${f.range.end.column}`,
        `title=${escapeProperty(f.rule + (f.measure ? ` (${shownId(f.measure)})` : ''))}`,
      ];
      return `::${cmd} ${props.join(',')}::${escapeData(f.message[result.lang])}\n`;
    })
    .join('');
}
