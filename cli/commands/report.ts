import { extname } from 'node:path';
import { version } from '../../package.json';
import { loadWorkspace, readLoadedBytes, resolveRoot } from '../load';
import { parseAsOf, parseLang } from '../options';
import { emit, note as noteLine } from '../io';
import { UsageError } from '../errors';
import { setCliLang } from '../lang';
import { message } from '../../strategy/messages/index';

export interface ReportCommandOptions {
  root?: string;
  /** Files above this size (bytes) are reported, not read. */
  maxFileSize?: number;
  format?: string;
  lang?: string;
  asOf?: string;
  output?: string;
  /** The inquiry file the council report answers. */
  inquiry?: string;
  /** `--since REF`: add what changed since that state (council report). */
  since?: string;
  /** Errors in the data fail the command (exit 1), as lint does. */
  strict?: boolean;
}

const KINDS = ['council', 'inventory', 'funding', 'compliance'];
const FORMATS = ['md', 'html', 'pdf', 'docx'];
const BY_EXTENSION: Record<string, string> = { '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.docx': 'docx' };

/** `strategy report [kind]`: the report in the chosen format, to stdout or `--output FILE`. */
export async function runReport(kind: string, opts: ReportCommandOptions): Promise<number> {
  if (!KINDS.includes(kind)) throw new UsageError('cli.option.notOneOfReport', { value: kind, allowed: KINDS.join(', ') });
  // Without --format, the extension of --output decides (report.html → HTML), else Markdown. An
  // extension that names no format, or another format than --format, is an error: never a wrong file.
  if (opts.output) {
    const ext = extname(opts.output).toLowerCase();
    const byExtension = BY_EXTENSION[ext];
    if (!byExtension && (ext || !opts.format)) throw new UsageError('report.outputExtension', { file: opts.output, allowed: Object.keys(BY_EXTENSION).join(', ') });
    if (byExtension && opts.format && byExtension !== opts.format) throw new UsageError('report.outputMismatch', { file: opts.output, format: opts.format });
  }
  const format = opts.format ?? (opts.output ? BY_EXTENSION[extname(opts.output).toLowerCase()] : undefined) ?? 'md';
  if (!FORMATS.includes(format)) throw new UsageError('cli.option.oneOf', { option: '--format', allowed: FORMATS.join(', '), value: format });
  const binary = format === 'pdf' || format === 'docx';
  if (binary && !opts.output && process.stdout.isTTY) throw new UsageError('cli.option.binaryToTerminal', { format });
  const asOf = parseAsOf(opts.asOf);
  const lang = parseLang(opts.lang);
  const root = resolveRoot(opts.root);

  if (opts.inquiry && kind !== 'council') throw new UsageError('report.inquiryOnlyCouncil', { kind });
  if (opts.since !== undefined && kind !== 'council') throw new UsageError('report.sinceOnlyCouncil', { kind });
  const ws = loadWorkspace(root, { maxFileBytes: opts.maxFileSize });
  const result = ws.lint({ asOf, lang, once: true });
  setCliLang(result.lang);
  const say = (line: string) => process.stderr.write(`strategy: ${line}\n`);
  const userLang = lang ?? result.lang;
  // A strategy.yaml the tool cannot read gives no report: its title, date and organisation would be missing.
  const broken = result.findings.filter((f) => f.file === 'strategy.yaml' && f.severity === 'error' && (f.rule === 'yaml-syntax' || !result.model.strategy.title));
  if (broken.length) {
    for (const f of broken) say(`${f.file}:${f.range.start.line}:${f.range.start.column}: ${f.message[userLang]}`);
    say(message(userLang, 'report.strategyUnreadable'));
    return 1;
  }
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  let inquiry: import('../../strategy/model/inquiry').Inquiry | undefined;
  if (opts.inquiry) {
    const { loadInquiry, InquiryError } = await import('../report/inquiry');
    try {
      inquiry = loadInquiry(ws, root, opts.inquiry, lang ?? result.lang, opts.maxFileSize);
    } catch (e) {
      if (!(e instanceof InquiryError)) throw e;
      process.stderr.write(e.lines.map((l) => `strategy: ${l}\n`).join(''));
      return 1;
    }
  }
  // The inquiry may name the state its "changes since" question compares with; --since overrides it.
  const since = opts.since ?? inquiry?.since;
  if (since === undefined)
    inquiry?.questions.forEach((q, i) => q.analysis.includes('changes-since') && say(message(userLang, 'report.changesSinceUnanswered', { n: i + 1 })));
  const changes = since === undefined ? undefined : (await (await import('./diff')).compareStates(root, { since, lang: lang ?? result.lang, maxFileSize: opts.maxFileSize, current: result })).diff;
  const { buildReport, reportToMarkdown } = await import('../../strategy/report/index');
  const { sourceRevision } = await import('../report/git');
  const generator = `Digital Strategy Roadmap ${version}`;
  const doc = buildReport(result, kind as 'council', { ...(await sourceRevision(root, { paths: ws.paths(), isRead: (p) => ws.kindOf(p) !== undefined, bytes: (p) => readLoadedBytes(root, p, opts.maxFileSize) })), generator, inquiry, changes });
  const note = noteLine;

  switch (format) {
    case 'md':
      emit(reportToMarkdown(doc), opts.output);
      break;
    case 'html': {
      const { reportToHtml } = await import('../report/html');
      const { diagramsForHtml } = await import('../report/diagrams');
      emit(reportToHtml(doc, { diagrams: await diagramsForHtml(doc, note), generator }), opts.output);
      break;
    }
    case 'pdf': {
      const { reportToPdf } = await import('../report/pdf');
      emit(await reportToPdf(doc, generator), opts.output);
      break;
    }
    case 'docx': {
      const { reportToDocx } = await import('../report/docx');
      emit(await reportToDocx(doc, { generator, note }), opts.output);
      break;
    }
  }
  if (errors) {
    const count = message(userLang, errors === 1 ? 'lint.errors.one' : 'lint.errors.other', { n: errors });
    say(message(userLang, opts.strict ? 'report.dataErrorsStrict' : 'report.dataErrors', { errors: count }));
    if (opts.strict) return 1;
  }
  return 0;
}
