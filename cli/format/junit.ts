import { shownId, type FormatContext } from './types';
import { groupByFile } from '../../strategy/index';

const xml = (s: string) =>
  s
    // Characters XML 1.0 cannot carry at all are dropped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
/** In attribute values XML would turn line breaks and tabs into spaces; character references keep them. */
const attr = (s: string) => xml(s).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

/** JUnit XML: one testcase per file read; a file fails with one <failure> per error (warnings with --max-warnings are in system-out). */
export function formatJunit(ctx: FormatContext): string {
  const { result } = ctx;
  const byFile = groupByFile(result.findings);
  const files = [...new Set([...result.files, ...byFile.keys()])].sort();
  const cases: string[] = [];
  let failures = 0;
  for (const file of files) {
    const list = byFile.get(file) ?? [];
    const errors = list.filter((f) => f.severity === 'error');
    const others = ctx.quiet ? [] : list.filter((f) => f.severity !== 'error');
    const line = (f: (typeof list)[number]) => `${file}:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.rule}${f.measure ? ` [${shownId(f.measure)}]` : ''}: ${f.message[result.lang]}`;
    let body = '';
    for (const f of errors) {
      body += `\n      <failure type="${attr(f.rule)}" message="${attr(f.message[result.lang])}">${xml(line(f))}</failure>`;
    }
    if (errors.length) failures++;
    if (others.length) body += `\n      <system-out>${xml(others.map(line).join('\n'))}</system-out>`;
    cases.push(`    <testcase classname="strategy.lint" name="${attr(file)}" file="${attr(file)}">${body}${body ? '\n    ' : ''}</testcase>`);
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="strategy lint" tests="${files.length}" failures="${failures}">\n` +
    `  <testsuite name="strategy lint" tests="${files.length}" failures="${failures}" errors="0" skipped="0" timestamp="${result.asOf}T00:00:00">\n` +
    cases.join('\n') +
    (cases.length ? '\n' : '') +
    `  </testsuite>\n</testsuites>\n`
  );
}
