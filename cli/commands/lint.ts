import { relative } from 'node:path';
import { loadWorkspace, resolveRoot } from '../load';
import { parseAsOf, parseLang, parseRules } from '../options';
import { emit, useColor } from '../io';
import { UsageError } from '../errors';
import type { FormatContext, Formatter } from '../format/types';

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
}

const FORMATS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('../format/stylish')).formatStylish,
  json: async () => (await import('../format/json')).formatJson,
  sarif: async () => (await import('../format/sarif')).formatSarif,
  junit: async () => (await import('../format/junit')).formatJunit,
  github: async () => (await import('../format/github')).formatGithub,
};

/** `strategy lint`: returns the exit code (0 clean, 1 findings fail the run). */
export async function runLint(opts: LintCommandOptions): Promise<number> {
  const load = FORMATS[opts.format];
  if (!load) throw new UsageError(`--format: expected one of ${Object.keys(FORMATS).join(', ')}, got "${opts.format}"`);
  const asOf = parseAsOf(opts.asOf);
  const lang = parseLang(opts.lang);
  const ruleOverrides = parseRules(opts.rule);
  const root = resolveRoot(opts.root);
  const ws = loadWorkspace(root, { maxFileBytes: opts.maxFileSize });
  const result = ws.lint({ asOf, lang, ruleOverrides });
  const rootLabel = relative(process.cwd(), root).split('\\').join('/') || '.';
  const ctx: FormatContext = { result, root, rootLabel, color: !opts.output && opts.format === 'stylish' && useColor(process.stdout), quiet: Boolean(opts.quiet) };
  emit((await load())(ctx), opts.output);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return 1;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    process.stderr.write(`strategy: ${warnings} warnings exceed --max-warnings ${opts.maxWarnings}\n`);
    return 1;
  }
  return 0;
}
