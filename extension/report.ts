import * as vscode from 'vscode';
import type { StrategyRoot } from './roots';
import { lintOptions, uiLang } from './settings';
import { headCommit } from './git';
import { log } from './log';
import type { Inquiry } from '../strategy/model/inquiry';
import type { Lang } from '../strategy/types';

/**
 * "Generate Council Report": the same report as `strategy report council`, as Markdown in a new
 * editor (the roadmap is a mermaid block, written from the document's diagram by id), with the
 * Markdown preview beside it. Nothing is written into the repository until the author saves.
 */
export async function openCouncilReport(root: StrategyRoot, inquiryPath?: string): Promise<vscode.TextDocument | undefined> {
  const result = root.result ?? root.lint();
  const settings = lintOptions(root.uri);
  // Loaded on demand: the report builder pulls in the Markdown serialiser.
  const { buildReport, reportToMarkdown } = await import('../strategy/report/index');
  const lang = settings.lang ?? result.model.strategy.language ?? uiLang(root.uri);
  const chosen = await chooseInquiry(root, lang, inquiryPath);
  if (chosen === 'cancelled') return undefined;
  // As `strategy report council`: the commit it was made from and whether the files it was
  // made from – unsaved editor text included – differ from it. Unsaved edits are told too.
  const unsaved = vscode.workspace.textDocuments.filter((d) => d.isDirty && root.relative(d.uri) !== undefined && root.tracks(root.relative(d.uri)!));
  if (unsaved.length) void vscode.window.showWarningMessage(vscode.l10n.t('The report includes unsaved changes in {0}.', unsaved.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ')));
  const revision = await sourceRevision(root, unsaved.length > 0);
  const doc = buildReport(result, 'council', { ...revision, lang, inquiry: chosen, generator: `Digital Strategy Roadmap ${vscode.extensions.getExtension('digital-strategy-roadmap.digital-strategy-roadmap')?.packageJSON.version ?? ''}`.trim() });
  const text = reportToMarkdown(doc);
  const editorDoc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  await vscode.window.showTextDocument(editorDoc, { preview: false });
  await vscode.commands.executeCommand('markdown.showPreviewToSide').then(
    () => undefined,
    () => undefined,
  );
  return editorDoc;
}

/**
 * On disk in the desktop or server extension host: the CLI's reader (cli/report/git.ts, pure
 * JavaScript, never the git program) with the files as the editor holds them. Elsewhere (virtual
 * workspaces, the browser): HEAD read through VS Code's file system, dirty when files are unsaved.
 */
async function sourceRevision(root: StrategyRoot, hasUnsaved: boolean): Promise<{ commit?: string; dirty?: boolean }> {
  if (root.uri.scheme === 'file' && typeof process !== 'undefined' && process.versions?.node) {
    try {
      const git = await import('../cli/report/git');
      const text = new TextEncoder();
      return await git.sourceRevision(root.uri.fsPath, {
        paths: root.ws.paths(),
        isRead: (p) => root.ws.kindOf(p) !== undefined,
        bytes: (p) => {
          const c = root.ws.content(p);
          return c === undefined ? undefined : typeof c === 'string' ? text.encode(c) : c;
        },
      });
    } catch (e) {
      log.warn('reading the git revision failed:', e);
    }
  }
  const commit = await headCommit(root.uri);
  return commit ? { commit, ...(hasUnsaved ? { dirty: true } : {}) } : {};
}

/**
 * The inquiry the report answers: `path` when the command is given one, the only file in
 * `inquiries/`, or the one the user picks among several (or the standard questions). A broken
 * inquiry is an error message with file and position – its questions would be misquoted.
 */
async function chooseInquiry(root: StrategyRoot, lang: Lang, path?: string): Promise<Inquiry | undefined | 'cancelled'> {
  const { inquiryPaths, readInquiry } = await import('../strategy/report/inquiry-files');
  const paths = inquiryPaths(root.ws);
  let chosen = typeof path === 'string' ? path : paths.length === 1 ? paths[0] : undefined;
  if (chosen === undefined && paths.length > 1) {
    type Item = vscode.QuickPickItem & { path?: string };
    const items: Item[] = paths.map((p) => {
      const read = readInquiry(root.ws, p, lang);
      const i = read.inquiry;
      const detail = i ? [i.asked_by, i.date].filter(Boolean).join(', ') : undefined;
      return { label: i?.title ?? p, description: p, detail, path: p };
    });
    items.push({ label: vscode.l10n.t('No inquiry: the five standard questions') });
    const pick = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Which inquiry does the report answer?') });
    if (!pick) return 'cancelled';
    if (!pick.path) return undefined;
    chosen = pick.path;
  }
  if (chosen === undefined) return undefined;
  const read = readInquiry(root.ws, chosen, lang);
  if (read.problems) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The inquiry {0} cannot be answered: {1}', chosen, read.problems.join('; ')));
    return 'cancelled';
  }
  return read.inquiry;
}
