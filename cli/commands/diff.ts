import { loadWorkspace, resolveRoot } from '../load';
import { parseAsOf, parseLang } from '../options';
import { emit, useColor } from '../io';
import { UsageError } from '../errors';
import { printable } from '../format/stylish';
import { createHash } from 'node:crypto';
import { findRepository, listFilesAt, pathInRepository, type GitRepository } from '../git/repository';
import { applyStateAt, RevisionError, resolveRevision, workspaceAt, type Revision } from '../git/history';
import { todayUtc, type Lang, type LintResult, type StrategyWorkspace } from '../../strategy/index';
import { diffStrategies, type StateInfo, type StrategyDiff } from '../../strategy/diff/diff';
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
  const maxFileBytes = opts.maxFileSize;
  const dayOf = (rev: Revision) => rev.committed.slice(0, 10);
  const stateInfo = (spec: string, rev: Revision, result: LintResult) => ({ ref: spec, commit: rev.commit, asOf: result.asOf });
  const done = (before: LintResult, since: StateInfo, after: LintResult, until: StateInfo, lang: Lang): ComparedStates => ({ diff: diffStrategies(before, after, since, until), before, after, lang });

  if (opts.current) {
    // The caller has the files now linted (a report): the earlier state is read on its own.
    const lang = opts.lang ?? opts.current.lang;
    const since = await stateAt(root, opts.since, { lang, maxFileSize: maxFileBytes, option: '--since' });
    return done(since.result, stateInfo(opts.since, since.rev, since.result), opts.current, { ref: 'working tree', asOf: opts.current.asOf }, lang);
  }

  // One workspace holds the later state first, then becomes the earlier one: files that did not
  // change between the two keep their parse (BENCHMARKS.md, "History").
  const { repo, folder } = openRepository(root, '--since');
  let ws: StrategyWorkspace;
  let after: LintResult;
  let currentOid: (path: string) => string | undefined;
  let until: StateInfo;
  if (opts.until === undefined) {
    ws = loadWorkspace(root, { maxFileBytes });
    after = ws.lint({ asOf: opts.asOf ?? todayUtc(new Date()), lang: opts.lang });
    currentOid = (path) => blobIdOf(ws.content(path));
    until = { ref: 'working tree', asOf: after.asOf };
  } else {
    const rev = await revision(repo, opts.until);
    ws = await inRevision(() => workspaceAt(repo, rev, folder, { maxFileBytes }));
    after = ws.lint({ asOf: dayOf(rev), lang: opts.lang });
    const oids = new Map((await listFilesAt(repo, rev.commit, folder))?.map((f) => [f.path, f.oid]) ?? []);
    currentOid = (path) => oids.get(path);
    until = stateInfo(opts.until, rev, after);
  }
  const lang = opts.lang ?? after.lang;
  const sinceRev = await revision(repo, opts.since);
  const applied = await inRevision(() => applyStateAt(repo, ws, sinceRev, folder, currentOid, { maxFileBytes }));
  const earlier = applied ? ws : await inRevision(() => workspaceAt(repo, sinceRev, folder, { maxFileBytes }));
  const before = earlier.lint({ asOf: dayOf(sinceRev), lang });
  return done(before, stateInfo(opts.since, sinceRev, before), after, until, lang);
}

/** The git repository that holds `root`, and the root's folder in it; a usage error outside git. */
function openRepository(root: string, option: string) {
  const repo = findRepository(root);
  const folder = repo ? pathInRepository(repo, root) : undefined;
  if (!repo || folder === undefined) throw new UsageError('diff.noRepository', { root, option });
  return { repo, folder };
}

/** Git errors the user can fix become one-line usage errors in both languages. */
async function inRevision<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof RevisionError) throw new UsageError({ de: e.de, en: e.en });
    throw e;
  }
}

const revision = (repo: GitRepository, spec: string) => inRevision(() => resolveRevision(repo, spec));

/** The git blob id of a file as the workspace holds it (undefined for a file known only by size). */
function blobIdOf(content: Uint8Array | string | undefined): string | undefined {
  if (content === undefined) return undefined;
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (bytes.length !== bytes.byteLength) return undefined; // a stand-in for a file above the size limit
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

/**
 * The strategy under `root` as it was at `spec` (tag, commit, date), linted as of the commit's day.
 * A reference git cannot resolve, or a root outside git, is a one-line usage error in `lang`.
 */
export async function stateAt(root: string, spec: string, opts: { lang: Lang; maxFileSize?: number; option: string }): Promise<{ rev: Revision; result: LintResult }> {
  const { lang } = opts;
  const { repo, folder } = openRepository(root, opts.option);
  const rev = await revision(repo, spec);
  const ws = await inRevision(() => workspaceAt(repo, rev, folder, { maxFileBytes: opts.maxFileSize }));
  return { rev, result: ws.lint({ asOf: rev.committed.slice(0, 10), lang }) };
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
