import * as vscode from 'vscode';
import type { StrategyRoot } from './roots';
import { lintOptions, uiLang } from './settings';
import { headCommit } from './git';
import { log } from './log';

/**
 * "Generate Council Report": the same report as `strategy report council`, as Markdown in a new
 * editor (the roadmap is a mermaid block, written from the document's diagram by id), with the
 * Markdown preview beside it. Nothing is written into the repository until the author saves.
 */
export async function openCouncilReport(root: StrategyRoot): Promise<vscode.TextDocument | undefined> {
  const result = root.result ?? root.lint();
  const settings = lintOptions(root.uri);
  // Loaded on demand: the report builder pulls in the Markdown serialiser.
  const { buildReport, reportToMarkdown } = await import('../strategy/report/index');
  const lang = settings.lang ?? result.model.strategy.language ?? uiLang(root.uri);
  // As `strategy report council`: the commit it was made from and whether the files it was
  // made from – unsaved editor text included – differ from it. Unsaved edits are told too.
  const unsaved = vscode.workspace.textDocuments.filter((d) => d.isDirty && root.relative(d.uri) !== undefined && root.tracks(root.relative(d.uri)!));
  if (unsaved.length) void vscode.window.showWarningMessage(vscode.l10n.t('The report includes unsaved changes in {0}.', unsaved.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ')));
  const revision = await sourceRevision(root, unsaved.length > 0);
  const doc = buildReport(result, 'council', { ...revision, lang, generator: `Digital Strategy Roadmap ${vscode.extensions.getExtension('digital-strategy-roadmap.digital-strategy-roadmap')?.packageJSON.version ?? ''}`.trim() });
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
