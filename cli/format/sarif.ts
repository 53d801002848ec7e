import { pathToFileURL } from 'node:url';
import { isAbsolute, resolve, sep } from 'node:path';
import type { Log, ReportingDescriptor, Result, Region, Location } from 'sarif';
import { shownId, shownText, type FormatContext } from './types';
import { ALL_RULES, docsPath, resolveSeverity, type Finding, type Range } from '../../strategy/index';

const DOCS_BASE = 'https://github.com/digital-strategy-roadmap/digital-strategy-roadmap/blob/main/';
const level = (s: Finding['severity']): Result.level => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');

/** SARIF regions end after the last character (like our ranges); an empty range still gets one column. */
function region(range: Range): Region {
  const { start, end } = range;
  const endColumn = end.line === start.line ? Math.max(end.column, start.column + 1) : end.column;
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn };
}

/** A relative URI reference: every segment encoded, so `#`, `?`, `%` and a `:` in the first segment stay part of the path. */
const fileUri = (file: string) => file.split('/').map(encodeURIComponent).join('/');

/**
 * Where artifact URIs are relative to. GitHub code scanning reads them as relative to the checkout,
 * which is where CI runs the tool: so when the strategy root lies below the current folder
 * (`--root strategy`), paths start at the current folder (`strategy/measures/…`), as in `--format
 * github`; otherwise at the strategy root.
 */
function uriBase(root: string, rootLabel: string): { dir: string; prefix: string } {
  const label = rootLabel.replace(/\/+$/, '');
  if (label === '.' || label === '' || label === '..' || label.startsWith('../') || isAbsolute(label)) return { dir: root, prefix: '' };
  return { dir: resolve(root, ...label.split('/').map(() => '..')), prefix: label + '/' };
}

/** `funding-missing` → `FundingMissing`; SARIF wants `name` to differ from `id`, so a one-word id gets none. */
function ruleName(id: string): string | undefined {
  const name = id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());
  return name.toLowerCase() === id.toLowerCase() ? undefined : name;
}

/** SARIF 2.1.0, as GitHub code scanning and other consumers read it. */
/**
 * A message's text: SARIF viewers read `[text](target)` in `message.text` as an embedded link
 * (SARIF 2.1.0 §3.11.6), so literal brackets from user text are escaped with a backslash.
 */
export function sarifText(text: string): string {
  return text.replace(/[[\]]/g, '\\$&');
}

export function formatSarif(ctx: FormatContext): string {
  const { result } = ctx;
  const lang = result.lang;
  const repoRules = result.configuredRules;
  const ruleIndex = new Map(ALL_RULES.map((r, i) => [r.id, i]));
  const shown = ctx.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  const base = uriBase(ctx.root, ctx.rootLabel);
  const location = (file: string, range: Range): Location => ({
    physicalLocation: { artifactLocation: { uri: fileUri(base.prefix + file), uriBaseId: 'SRCROOT' }, region: region(range) },
  });

  const toResult = (f: Finding): Result => {
    const index = ruleIndex.get(f.rule);
    return {
      ruleId: f.rule,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: level(f.severity),
      message: { text: sarifText(f.message[lang]) },
      locations: [location(f.file, f.range)],
      ...(f.related?.length ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, message: { text: sarifText(r.message[lang]) }, ...location(r.file, r.range) })) } : {}),
      ...(f.measure ? { properties: { measure: shownId(f.measure) } } : {}),
      // A waiver is a documented exception in the measure's own file: an accepted in-source suppression.
      ...(f.waiver ? { suppressions: [{ kind: 'inSource' as const, status: 'accepted' as const, justification: shownText(f.waiver.reason) }] } : {}),
    };
  };

  const rules: ReportingDescriptor[] = ALL_RULES.map((r) => {
    const sev = resolveSeverity(r.id, repoRules);
    const name = ruleName(r.id);
    return {
      id: r.id,
      ...(name ? { name } : {}),
      shortDescription: { text: r.description[lang] },
      helpUri: DOCS_BASE + docsPath(r.id),
      defaultConfiguration: sev === 'off' ? { enabled: false } : { level: level(sev) },
      properties: { category: r.category, tags: ['strategy', r.category] },
    };
  });

  const sarif: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'strategy', informationUri: DOCS_BASE + 'README.md', version: '0.1.0', rules } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(base.dir.endsWith(sep) ? base.dir : base.dir + sep).href } },
        // Our columns count UTF-16 code units (JavaScript string offsets).
        columnKind: 'utf16CodeUnits',
        results: [...shown.map(toResult), ...result.waived.map(toResult)],
        properties: { asOf: result.asOf },
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
