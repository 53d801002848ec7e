import { pathToFileURL } from 'node:url';
import type { FormatContext } from './types';
import { ALL_RULES, docsPath, resolveSeverity, type Finding } from '../../strategy/index';

const DOCS_BASE = 'https://github.com/digital-strategy-roadmap/digital-strategy-roadmap/blob/main/';
const level = (s: Finding['severity']) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');

function region(f: Finding) {
  return { startLine: f.range.start.line, startColumn: f.range.start.column, endLine: f.range.end.line, endColumn: Math.max(f.range.end.column, f.range.end.line === f.range.start.line ? f.range.start.column + 1 : 1) };
}

/** SARIF 2.1.0, as GitHub code scanning and other consumers read it. */
export function formatSarif(ctx: FormatContext): string {
  const { result } = ctx;
  const lang = result.lang;
  const repoRules = result.model.strategy.lint.rules;
  const ruleIndex = new Map(ALL_RULES.map((r, i) => [r.id, i]));
  const shown = ctx.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  const base = pathToFileURL(ctx.root.endsWith('/') ? ctx.root : ctx.root + '/').href;
  const toResult = (f: Finding, suppressed: boolean) => ({
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule) ?? 0,
    level: level(f.severity),
    message: { text: f.message[lang] },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(f.file), uriBaseId: 'ROOT' }, region: region(f) } }],
    ...(f.related?.length
      ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, message: { text: r.message[lang] }, physicalLocation: { artifactLocation: { uri: encodeURI(r.file), uriBaseId: 'ROOT' }, region: region({ ...f, range: r.range }) } })) }
      : {}),
    ...(f.measure ? { properties: { measure: f.measure } } : {}),
    ...(suppressed ? { suppressions: [{ kind: 'inSource', justification: f.waiver?.reason ?? '' }] } : {}),
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'strategy',
            informationUri: DOCS_BASE + 'README.md',
            version: '0.1.0',
            rules: ALL_RULES.map((r) => {
              const sev = resolveSeverity(r.id, repoRules);
              return {
                id: r.id,
                name: r.id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
                shortDescription: { text: r.description[lang] },
                helpUri: DOCS_BASE + docsPath(r.id),
                defaultConfiguration: sev === 'off' ? { enabled: false } : { level: level(sev) },
                properties: { category: r.category },
              };
            }),
          },
        },
        originalUriBaseIds: { ROOT: { uri: base } },
        results: [...shown.map((f) => toResult(f, false)), ...result.waived.map((f) => toResult(f, true))],
        properties: { asOf: result.asOf },
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
