import { loadWorkspace, resolveRoot } from '../load';
import { parseAsOf, parseLang } from '../options';
import { emit } from '../io';
import { UsageError } from '../errors';
import { exportModel, measuresCsv } from '../../strategy/export/index';

export interface ExportCommandOptions {
  root?: string;
  /** Files above this size (bytes) are reported, not read. */
  maxFileSize?: number;
  format: string;
  asOf?: string;
  output?: string;
  lang?: string;
}

/**
 * `strategy export`: the resolved model as JSON (everything) or CSV (one row per measure). Finding
 * counts come from a lint at `--as-of`; the export itself never fails on findings (exit 0).
 */
export async function runExport(opts: ExportCommandOptions): Promise<number> {
  if (opts.format !== 'json' && opts.format !== 'csv') throw new UsageError(`--format: expected json or csv, got "${opts.format}"`);
  const asOf = parseAsOf(opts.asOf);
  const lang = parseLang(opts.lang);
  const ws = loadWorkspace(resolveRoot(opts.root), { maxFileBytes: opts.maxFileSize });
  const result = ws.lint({ asOf, lang });
  const doc = exportModel(result);
  emit(opts.format === 'json' ? JSON.stringify(doc, null, 2) + '\n' : measuresCsv(doc, result.lang), opts.output);
  return 0;
}
