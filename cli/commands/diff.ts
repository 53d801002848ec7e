import { loadWorkspace, resolveRoot } from '../load';
import { parseAsOf, parseLang } from '../options';
import { emit, useColor } from '../io';
import { UsageError } from '../errors';
import { printable } from '../format/stylish';
import { findRepository, pathInRepository } from '../git/repository';
import { RevisionError, resolveRevision, workspaceAt, type Revision } from '../git/history';
import { todayUtc, type Lang, type LintResult } from '../../strategy/index';
import { diffStrategies, type StrategyDiff } from '../../strategy/diff/diff';
import { DIFF_WORDS, diffJson, diffSection, measureLines, stateLabel } from '../../strategy/diff/output';
import { heading, root } from '../../strategy/report/mdast';
import { reportToMarkdown } from '../../strategy/report/markdown';
import { makeFormatter } from '../../strategy/format';
import type { PhrasingContent } from 'mdast';

export interface DiffCommandOptions {
  root?: string;
  maxFileSize?: number;
  since?: string;
  until?: string;
  format?: string;
  asOf?: string;
  lang?: string;
  output?: string;
}

const FORMATS = ['stylish', 'json', 'markdown'];

export interface ComparedStates {
  diff: StrategyDiff;
  before: LintResult;
  after: LintResult;
  lang: Lang;
}

/**
 * The strategy at `since` and at `until` (or the files on disk), linted and compared. Shared by
 * `strategy diff`, `report --since` and `roadmap --baseline`. Git is read with the pure-JS reader.
 */
export async function compareStates(
  rootOption: string | undefined,
  opts: { since: string; until?: string; asOf?: string; lang?: Lang; maxFileSize?: number; /** The files now, already linted. */ current?: LintResult },
): Promise<ComparedStates> {
  const root = resolveRoot(rootOption);
  const current = opts.until !== undefined ? undefined : (opts.current ?? loadWorkspace(root, { maxFileBytes: opts.maxFileSize }).lint({ asOf: opts.asOf ?? todayUtc(new Date()), lang: opts.lang }));
  const lang = opts.lang ?? current?.lang ?? 'de';
  const at = (spec: string) => stateAt(root, spec, { lang, maxFileSize: opts.maxFileSize, option: '--since' });
  const since = await at(opts.since);
  const until = opts.until === undefined ? undefined : await at(opts.until);
  const after = until?.result ?? current!;
  const diff = diffStrategies(
    since.result,
    after,
    { ref: opts.since, commit: since.rev.commit, asOf: since.result.asOf },
    until ? { ref: opts.until!, commit: until.rev.commit, asOf: until.result.asOf } : { ref: 'working tree', asOf: after.asOf },
  );
  return { diff, before: since.result, after, lang };
}

/**
 * The strategy under `root` as it was at `spec` (tag, commit, date), linted as of the commit's day.
 * A reference git cannot resolve, or a root outside git, is a one-line usage error in `lang`.
 */
export async function stateAt(root: string, spec: string, opts: { lang: Lang; maxFileSize?: number; option: string }): Promise<{ rev: Revision; result: LintResult }> {
  const { lang } = opts;
  const repo = findRepository(root);
  const folder = repo ? pathInRepository(repo, root) : undefined;
  if (!repo || folder === undefined) throw new UsageError('diff.noRepository', { root, option: opts.option });
  try {
    const rev = await resolveRevision(repo, spec);
    const ws = await workspaceAt(repo, rev, folder, { maxFileBytes: opts.maxFileSize });
    return { rev, result: ws.lint({ asOf: rev.committed.slice(0, 10), lang }) };
  } catch (e) {
    if (e instanceof RevisionError) throw new UsageError({ de: e.de, en: e.en });
    throw e;
  }
}

/** `strategy diff --since REF [--until REF]`: what changed, per measure. */
export async function runDiff(opts: DiffCommandOptions): Promise<number> {
  const format = opts.format ?? 'stylish';
  if (!FORMATS.includes(format)) throw new UsageError('cli.option.oneOf', { option: '--format', allowed: FORMATS.join(', '), value: format });
  if (!opts.since) throw new UsageError('diff.sinceRequired');
  const { diff, after, lang } = await compareStates(opts.root, { since: opts.since, until: opts.until, asOf: parseAsOf(opts.asOf), lang: parseLang(opts.lang), maxFileSize: opts.maxFileSize });
  const programmeName = (id: string) => after.model.programmeById.get(id)?.name ?? id;
  if (format === 'json') emit(JSON.stringify(diffJson(diff), null, 2) + '\n', opts.output);
  else if (format === 'markdown') {
    const W = DIFF_WORDS[lang];
    const tree = root([heading(1, W.documentTitle(diff.since.ref, diff.until.commit ? diff.until.ref : undefined)), ...diffSection(diff, lang, 1, programmeName)]);
    emit(reportToMarkdown(tree), opts.output);
  } else emit(stylish(diff, lang, programmeName, !opts.output && useColor(process.stdout)), opts.output);
  return 0;
}

const plain = (line: Array<string | PhrasingContent | unknown>): string =>
  line.map((p) => (typeof p === 'string' ? p : p && typeof p === 'object' && 'value' in p ? String((p as { value: unknown }).value) : '')).join('');

function stylish(diff: StrategyDiff, lang: Lang, programmeName: (id: string) => string, color: boolean): string {
  const W = DIFF_WORDS[lang];
  const fmt = makeFormatter(lang);
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[39m` : s);
  const bold = (s: string) => (color ? `\u001b[1m${s}\u001b[22m` : s);
  const lines = [
    bold(W.documentTitle(printable(diff.since.ref), diff.until.commit ? printable(diff.until.ref) : undefined)),
    W.between(printable(stateLabel(lang, diff.since)), fmt.date(diff.since.asOf), printable(stateLabel(lang, diff.until)), fmt.date(diff.until.asOf)),
    '',
  ];
  for (const d of diff.measures) {
    const mark = d.change === 'added' ? paint(32, '+') : d.change === 'removed' ? paint(31, '-') : d.change === 'renamed' ? paint(36, '~') : paint(33, '*');
    lines.push(`${mark} ${bold(printable(d.id))}  ${printable(d.title)}  ${paint(90, printable(d.file))}`);
    for (const line of measureLines(d, lang, programmeName)) {
      const t = printable(plain(line));
      lines.push(`    ${/später|later/.test(t) && !/erledigt|resolved/.test(t) ? paint(31, t) : t}`);
    }
  }
  const other = [...diff.newFindings.map((f) => `${W.newFinding}: ${f.rule} ${f.message[lang]} (${f.file}:${f.line})`), ...diff.resolvedFindings.map((f) => `${W.resolvedFinding}: ${f.rule} ${f.message[lang]} (${f.file}:${f.line})`)];
  if (other.length) lines.push(bold(W.otherFindings), ...other.map((t) => `    ${printable(t)}`));
  if (!diff.measures.length && !other.length) lines.push(W.nothing);
  lines.push('', W.summary(diff.summary));
  return lines.join('\n') + '\n';
}
