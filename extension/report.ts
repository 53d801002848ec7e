import * as vscode from 'vscode';
import type { StrategyRoot } from './roots';
import { lintOptions, uiLang } from './settings';

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
  const doc = buildReport(result, 'council', { lang, generator: `Digital Strategy Roadmap ${vscode.extensions.getExtension('digital-strategy-roadmap.digital-strategy-roadmap')?.packageJSON.version ?? ''}`.trim() });
  const text = reportToMarkdown(doc.tree);
  const editorDoc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
  await vscode.window.showTextDocument(editorDoc, { preview: false });
  await vscode.commands.executeCommand('markdown.showPreviewToSide').then(
    () => undefined,
    () => undefined,
  );
  return editorDoc;
}
