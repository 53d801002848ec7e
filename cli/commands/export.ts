import { loadWorkspace, resolveRoot } from '../load';
import { parseAsOf, parseLang } from '../options';
import { emit } from '../io';
import { UsageError } from '../errors';
import { setCliLang } from '../lang';
import { message } from '../../strategy/index';
import { exportModel, measuresCsv } from '../../strategy/export/index';
import { exportAlgoritmeregister, exportEuDatabase } from '../../strategy/register/export';
import { missingReport } from './register-missing';

const FORMATS = ['json', 'csv', 'algoritmeregister', 'eu-database'];

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
  if (!FORMATS.includes(opts.format)) throw new UsageError('cli.option.oneOf', { option: '--format', allowed: FORMATS.join(', '), value: opts.format });
  const asOf = parseAsOf(opts.asOf);
  const lang = parseLang(opts.lang);
  const ws = loadWorkspace(resolveRoot(opts.root), { maxFileBytes: opts.maxFileSize });
  const result = ws.lint({ asOf, lang, once: true });
  setCliLang(result.lang);
  if (opts.format === 'algoritmeregister' || opts.format === 'eu-database') {
    // Register formats: the data on stdout (or --output), what is missing on stderr.
    const outLang = lang ?? result.lang;
    if (opts.format === 'algoritmeregister') {
      const records = exportAlgoritmeregister(result.model, result.asOf);
      emit(JSON.stringify(records.map((r) => r.record), null, 2) + '\n', opts.output);
      process.stderr.write(missingReport(records.map((r) => ({ measure: r.measure, file: r.file, items: r.violations.map((v) => `${v.field}: ${message(outLang, `register.problem.${v.problem}`)}${v.detail ? ` (${v.detail})` : ''}`) })), outLang));
    } else {
      const entries = exportEuDatabase(result.model, result.asOf);
      emit(JSON.stringify(entries, null, 2) + '\n', opts.output);
      process.stderr.write(missingReport(entries.map((e) => ({ measure: e.measure, file: e.file, items: e.missing.map((x) => message(outLang, 'register.annexPoint', { point: x.point, key: x.key })) })), outLang));
    }
    return 0;
  }
  const doc = exportModel(result);
  emit(opts.format === 'json' ? JSON.stringify(doc, null, 2) + '\n' : measuresCsv(doc, result.lang), opts.output, opts.format === 'json' ? 'json' : 'text');
  return 0;
}
