import * as vscode from 'vscode';
import type { StrategyRoot } from './roots';
import { lintOptions, uiLang } from './settings';
import { headCommit } from './git';

/**
 * "Generate Council Report": the same report as `strategy report council`, as Markdown in a new
 * editor (the roadmap is a mermaid block), with the Markdown preview beside it. Nothing is
 * written into the repository until the author saves.
 */
export async function openCouncilReport(root: StrategyRoot): Promise<vscode.TextDocument | undefined> {
  const result = root.result ?? root.lint();
  const settings = lintOptions(root.uri);
  // Loaded on demand: the report builder pulls in the Markdown serialiser.
  const { buildReport, reportToMarkdown } = await import('../strategy/report/index');
  const lang = settings.lang ?? result.model.strategy.language ?? uiLang(root.uri);
  // As `strategy report council`: the commit it was made from; unsaved edits in the editor are
  // part of the report, so it says "with uncommitted changes" and the author is told.
  const unsaved = vscode.workspace.textDocuments.filter((d) => d.isDirty && root.relative(d.uri) !== undefined && root.tracks(root.relative(d.uri)!));
  const commit = await headCommit(root.uri);
  if (unsaved.length) void vscode.window.showWarningMessage(vscode.l10n.t('The report includes unsaved changes in {0}.', unsaved.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ')));
  const doc = buildReport(result, 'council', { commit, dirty: commit !== undefined && unsaved.length > 0 ? true : undefined, lang, generator: `Digital Strategy Roadmap ${vscode.extensions.getExtension('digital-strategy-roadmap.digital-strategy-roadmap')?.packageJSON.version ?? ''}`.trim() });
  const text = reportToMarkdown(doc.tree);
  const editorDoc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  await vscode.window.showTextDocument(editorDoc, { preview: false });
  await vscode.commands.executeCommand('markdown.showPreviewToSide').then(
    () => undefined,
    () => undefined,
  );
  return editorDoc;
}
