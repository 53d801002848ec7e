import { relative } from 'node:path';
import { loadWorkspace, resolveRoot } from '../load';
import { parseAsOf, parseLang, parseRules } from '../options';
import { emit, useColor } from '../io';
import type { OutputKind } from '../ci-safe';
import { UsageError } from '../errors';
import { setCliLang } from '../lang';
import { message } from '../../strategy/index';
import { formatResult, type FormatContext, type Formatter } from '../format/types';
import { fixWorkspace, type FixedFile, type LintResult } from '../../strategy/index';
import { writeFixedFiles, unifiedDiff, type WriteOutcome } from '../fix-files';

export interface LintCommandOptions {
  root?: string;
  /** Files above this size (bytes) are reported, not read. */
  maxFileSize?: number;
  format: string;
  asOf?: string;
  rule?: string[];
  maxWarnings?: number;
  quiet?: boolean;
  output?: string;
  lang?: string;
  /** Apply the safe fixes and write the files. */
  fix?: boolean;
  /** Show the safe fixes as a unified diff; write nothing. */
  fixDryRun?: boolean;
}

const FORMATS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('../format/stylish')).formatStylish,
  json: async () => (await import('../format/json')).formatJson,
  sarif: async () => (await import('../format/sarif')).formatSarif,
  junit: async () => (await import('../format/junit')).formatJunit,
  github: async () => (await import('../format/github')).formatGithub,
  codequality: async () => (await import('../format/codequality')).formatCodeQuality,
};

/** How each format is kept from carrying CI commands on stdout (cli/ci-safe.ts). */
const OUTPUT_KIND: Record<string, OutputKind | 'commands'> = { stylish: 'text', json: 'json', sarif: 'json', junit: 'xml', github: 'commands' };

/** `strategy lint`: returns the exit code (0 clean, 1 findings fail the run). */
export async function runLint(opts: LintCommandOptions): Promise<number> {
  const load = FORMATS[opts.format];
  if (!load) throw new UsageError('cli.option.oneOf', { option: '--format', allowed: Object.keys(FORMATS).join(', '), value: opts.format });
  const asOf = parseAsOf(opts.asOf);
  const lang = parseLang(opts.lang);
  const ruleOverrides = parseRules(opts.rule);
  const root = resolveRoot(opts.root);
  if (opts.fix && opts.fixDryRun) throw new UsageError('lint.fixAndDryRun');
  const ws = loadWorkspace(root, { maxFileBytes: opts.maxFileSize });
  let result: LintResult;
  if (opts.fix || opts.fixDryRun) {
    const fixed = fixWorkspace(ws, { asOf, lang, ruleOverrides });
    result = fixed.result;
    const files = [...fixed.files.values()];
    if (opts.fixDryRun) {
      emit(unifiedDiff(files), opts.output);
      reportFixes(files, undefined, result);
      return exitCode(result, opts.maxWarnings);
    }
    const outcome = writeFixedFiles(root, files, result.lang);
    // A file left unchanged keeps its findings: report from the files as they are now.
    if (outcome.refused.length) result = loadWorkspace(root, { maxFileBytes: opts.maxFileSize }).lint({ asOf, lang, ruleOverrides });
    reportFixes(files, outcome, result);
  } else result = ws.lint({ asOf, lang, ruleOverrides, once: true });
  setCliLang(result.lang);
  const rootLabel = relative(process.cwd(), root).split('\\').join('/') || '.';
  const ctx: FormatContext = { result: formatResult(result), root, rootLabel, color: !opts.output && opts.format === 'stylish' && useColor(process.stdout), quiet: Boolean(opts.quiet) };
  emit((await load())(ctx), opts.output, OUTPUT_KIND[opts.format]);
  return exitCode(result, opts.maxWarnings);
}

/** 0 clean, 1 when errors (or more warnings than allowed) remain. */
function exitCode(result: LintResult, maxWarnings: number | undefined): number {
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`strategy: ${message(result.lang, 'lint.maxWarnings', { count: warnings, max: maxWarnings })}\n`);
    return 1;
  }
  return 0;
}

/**
 * One line on stderr: how many fixes were applied (or would be) in how many files, files left
 * unchanged and why, and how many findings remain that only have unsafe fixes (offered in the editor).
 */
function reportFixes(files: FixedFile[], outcome: WriteOutcome | undefined, result: LintResult): void {
  const lang = result.lang;
  const written = outcome ? files.filter((f) => outcome.written.includes(f.path)) : files;
  const data = { count: written.reduce((n, f) => n + f.applied, 0), files: written.length };
  const lines = [message(lang, outcome ? 'lint.fix.applied' : 'lint.fix.possible', data)];
  for (const r of outcome?.refused ?? []) lines.push(r.reason);
  const unsafe = result.findings.filter((f) => f.fixes?.length && !f.fixes.some((x) => x.safe)).length;
  if (unsafe) lines.push(message(lang, 'lint.fix.unsafeOnly', { count: unsafe }));
  for (const l of lines) process.stderr.write(`strategy: ${l}\n`);
}
