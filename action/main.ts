/**
 * The entry point of the GitHub Action (action.yml) and of the GitLab CI template
 * (ci/gitlab/strategy-lint.yml): `strategy lint` once, its results written the way each CI shows
 * them. Bundled with the linter into action/dist/index.js (scripts/build-action.mjs), so that CI
 * runs it with plain `node`, without `npm install` (docs/ci.md).
 *
 * GitHub: inputs as INPUT_* variables; annotations in the log, SARIF into the runner's temp
 * folder (for github/codeql-action/upload-sarif), a step summary, outputs `sarif`, `errors`,
 * `warnings`. GitLab: STRATEGY_* variables; the log, a JUnit report and a code quality report in
 * the project folder (artifacts). Exit codes as the CLI's: 0 passed, 1 findings fail the run,
 * 2 usage error.
 */
import { appendFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Root, RootContent, TableRow } from 'mdast';
import { loadWorkspace, resolveRoot } from '../cli/load';
import { parseAsOf, parseCount, parseLang } from '../cli/options';
import { UsageError } from '../cli/errors';
import { writeFileAtomic } from '../cli/io';
import { formatGithub } from '../cli/format/github';
import { formatSarif } from '../cli/format/sarif';
import { formatJunit } from '../cli/format/junit';
import { formatCodeQuality } from '../cli/format/codequality';
import { formatStylish } from '../cli/format/stylish';
import { formatJson } from '../cli/format/json';
import { reportToMarkdown } from '../strategy/report/markdown';
import { formatResult, type FormatContext, type Formatter } from '../cli/format/types';
import { isMessageError, message, type Finding, type LintResult } from '../strategy/index';
import { cliLang } from '../cli/lang';

export type Env = Record<string, string | undefined>;

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

const LOG_FORMATS: Record<string, Formatter> = { stylish: formatStylish, json: formatJson, github: formatGithub, junit: formatJunit, sarif: formatSarif, codequality: formatCodeQuality };

/** Most findings listed in the step summary (the annotations and the SARIF have them all). */
const SUMMARY_ROWS = 50;

/** A GitHub input: INPUT_ and the name in capitals (hyphens stay), as the runner sets it. */
const githubInput = (env: Env, name: string) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim() || undefined;
/** A GitLab variable: STRATEGY_ and the name in capitals, `-` as `_`. */
const gitlabInput = (env: Env, name: string) => (env[`STRATEGY_${name.toUpperCase().replace(/-/g, '_')}`] ?? '').trim() || undefined;

export async function runCi(env: Env, io: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }): Promise<number> {
  const platform = env.GITHUB_ACTIONS === 'true' ? 'github' : env.GITLAB_CI === 'true' ? 'gitlab' : undefined;
  const input = (name: string) => (platform === 'github' ? githubInput(env, name) : gitlabInput(env, name));
  const workspace = (platform === 'github' ? env.GITHUB_WORKSPACE : env.CI_PROJECT_DIR) || process.cwd();
  const root = resolve(workspace, input('root') ?? '.');
  try {
    if (!platform) throw new UsageError('ci.noCi');
    const asOf = parseAsOf(input('as-of'));
    const lang = parseLang(input('lang'));
    const maxWarningsText = input('max-warnings');
    const maxWarnings = maxWarningsText === undefined ? undefined : parseCount('max-warnings')(maxWarningsText);
    const format = input('format') ?? 'stylish';
    const log = LOG_FORMATS[format];
    if (!log) throw new UsageError('cli.option.oneOf', { option: 'format', allowed: Object.keys(LOG_FORMATS).join(', '), value: format });

    const result = loadWorkspace(resolveRoot(root)).lint({ asOf, lang });
    // Paths in reports relative to the checkout, where annotations and code quality look for them.
    const rootLabel = relative(workspace, root).split('\\').join('/') || '.';
    const ctx: FormatContext = { result: formatResult(result), root, rootLabel, color: false, quiet: false };
    const errors = count(result, 'error');
    const warnings = count(result, 'warning');

    if (format !== 'github' || platform === 'gitlab') io.stdout(log(ctx));
    if (platform === 'github') {
      io.stdout(formatGithub(ctx)); // annotations, always
      const sarifPath = resolvePath(input('sarif') ?? join(env.RUNNER_TEMP || workspace, 'strategy.sarif'), workspace);
      writeFileAtomic(sarifPath, formatSarif(ctx));
      if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, stepSummary(result, rootLabel, maxWarnings));
      if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, `sarif=${sarifPath}\nerrors=${errors}\nwarnings=${warnings}\n`);
    } else {
      writeFileAtomic(resolvePath(input('junit') ?? 'strategy-junit.xml', workspace), formatJunit(ctx));
      writeFileAtomic(resolvePath(input('codequality') ?? 'gl-code-quality-report.json', workspace), formatCodeQuality(ctx));
    }
    if (errors > 0) return 1;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      io.stderr(`strategy: ${message(result.lang, 'ci.maxWarnings', { count: warnings, max: maxWarnings })}\n`);
      return 1;
    }
    return 0;
  } catch (e) {
    // In the language of the input `lang`, else of strategy.yaml, else German (as the CLI).
    const lang = cliLang(['--root', root, ...(input('lang') ? ['--lang', input('lang')!] : [])]);
    const text = isMessageError(e) ? e.text(lang) : e instanceof Error ? e.message : String(e);
    io.stderr(`strategy: ${text.split('\n')[0]}\n`);
    return 2;
  }
}

function resolvePath(p: string, workspace: string): string {
  return isAbsolute(p) ? p : resolve(workspace, p);
}

function count(result: LintResult, severity: Finding['severity']): number {
  return result.findings.filter((f) => f.severity === severity).length;
}

const TEXT = {
  de: { title: 'Strategie prüfen', passed: 'bestanden', failed: 'nicht bestanden', counts: (e: number, w: number, i: number) => `${e} Fehler, ${w} Warnungen, ${i} Hinweise`, head: ['Datei', 'Schweregrad', 'Regel', 'Maßnahme', 'Befund'], sev: { error: 'Fehler', warning: 'Warnung', info: 'Hinweis' }, more: (n: number) => `… und ${n} weitere (alle in den Anmerkungen und im SARIF-Bericht).`, tooMany: (w: number, max: number) => `${w} Warnungen, erlaubt sind ${max}.` },
  en: { title: 'Strategy lint', passed: 'passed', failed: 'failed', counts: (e: number, w: number, i: number) => `${e} errors, ${w} warnings, ${i} infos`, head: ['File', 'Severity', 'Rule', 'Measure', 'Finding'], sev: { error: 'error', warning: 'warning', info: 'info' }, more: (n: number) => `… and ${n} more (all in the annotations and the SARIF report).`, tooMany: (w: number, max: number) => `${w} warnings, ${max} allowed.` },
};

/** The job summary as Markdown, built as a syntax tree: every value from the repository is escaped. */
export function stepSummary(result: LintResult, rootLabel: string, maxWarnings?: number): string {
  const t = TEXT[result.lang];
  const errors = count(result, 'error');
  const warnings = count(result, 'warning');
  const failed = errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings);
  const text = (value: string) => ({ type: 'text' as const, value });
  const cell = (value: string) => ({ type: 'tableCell' as const, children: value ? [text(value)] : [] });
  const prefix = rootLabel === '.' ? '' : rootLabel.replace(/\/$/, '') + '/';
  const children: RootContent[] = [
    { type: 'heading', depth: 2, children: [text(`${t.title}: ${failed ? t.failed : t.passed}`)] },
    { type: 'paragraph', children: [text(`${t.counts(errors, warnings, count(result, 'info'))} (${result.asOf}).`)] },
  ];
  if (maxWarnings !== undefined && warnings > maxWarnings) children.push({ type: 'paragraph', children: [text(t.tooMany(warnings, maxWarnings))] });
  if (result.findings.length) {
    const rows: TableRow[] = result.findings.slice(0, SUMMARY_ROWS).map((f) => ({
      type: 'tableRow',
      children: [
        { type: 'tableCell', children: [{ type: 'inlineCode', value: `${prefix}${f.file}:${f.range.start.line}` }] },
        cell(t.sev[f.severity]),
        cell(f.rule),
        cell(f.measure ?? ''),
        cell(f.message[result.lang]),
      ],
    }));
    children.push({ type: 'table', align: [], children: [{ type: 'tableRow', children: t.head.map(cell) }, ...rows] });
    if (result.findings.length > SUMMARY_ROWS) children.push({ type: 'paragraph', children: [text(t.more(result.findings.length - SUMMARY_ROWS))] });
  }
  const tree: Root = { type: 'root', children };
  return reportToMarkdown(tree) + '\n';
}

// Run when loaded as the bundle's entry point (not when a test imports this module).
if (require.main === module) {
  void runCi(process.env).then((code) => {
    process.exitCode = code;
  });
}
