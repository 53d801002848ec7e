/** The report's stylesheet, inlined into every HTML report: screen, and print on A4. */
export function reportCss(landscape: boolean): string {
  return `
:root { color-scheme: light; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: #1b1f24; background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
main { max-width: ${landscape ? '110rem' : '72rem'}; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .75rem; }
h2 { font-size: 1.35rem; margin: 2.4rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid #c9d1d9; }
h3 { font-size: 1.12rem; margin: 1.8rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.4rem 0 .4rem; }
p, ul { margin: .5rem 0 .9rem; }
.table-wrap { overflow-x: auto; margin: .6rem 0 1.2rem; }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
caption { caption-side: top; text-align: left; font-weight: 600; color: #444c56; padding: 0 0 .35rem; }
th, td { border: 1px solid #c9d1d9; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f4; }
tbody th { font-weight: 600; background: #f8f9fa; }
/* A long word (an id, a compound name; cli/report/long-words.ts) may break anywhere, so no table runs off the page. */
.long-word { overflow-wrap: anywhere; }
td[align="right"], th[align="right"] { text-align: right; white-space: nowrap; }
td[align="center"], th[align="center"] { text-align: center; }
tr.total > * { background: #eef1f4; border-top: 2px solid #8c959f; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .88em; background: #f1f3f5; padding: 0 .2em; border-radius: 3px; }
figure.diagram { margin: 1rem 0 1.5rem; overflow-x: auto; }
figure.diagram svg { max-width: 100%; height: auto; }
pre.mermaid { white-space: pre; font-size: .85em; background: #f8f9fa; padding: .75rem; }
hr { border: 0; border-top: 1px solid #c9d1d9; margin: 2.5rem 0 1rem; }
hr + p { font-size: .85em; color: #57606a; }
@media print {
  @page { size: A4${landscape ? ' landscape' : ''}; margin: 16mm 14mm 18mm; }
  body { font-size: 9.5pt; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 18pt; }
  h2 { font-size: 14pt; margin-top: 1.4rem; }
  h3 { font-size: 11.5pt; }
  h4 { font-size: 10pt; }
  h2, h3, h4, caption { break-after: avoid; page-break-after: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  th, td { padding: .2rem .3rem; }
  thead { display: table-header-group; }
  tr, figure.diagram { break-inside: avoid; page-break-inside: avoid; }
  figure.diagram { overflow: visible; }
  code { background: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
`.trim();
}
