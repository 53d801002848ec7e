import * as vscode from 'vscode';
import { ALL_RULES, RULES_BY_ID, docsPath } from '../strategy/index';
import type { StrategyRoots } from './roots';
import { uiLang } from './settings';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * A rule's page from docs/rules/, opened rendered (Markdown preview, read-only) instead of as an
 * editable file in the extension's folder. In the user's language where a translated page exists
 * (`docs/rules/de/<rule>.md`), else the English page. Without a rule, asks for one.
 */
export async function showRuleDocs(extensionUri: vscode.Uri, rule: string | undefined, roots: StrategyRoots): Promise<vscode.Uri | undefined> {
  const root = [...roots.roots.values()][0];
  const lang = root?.result?.lang ?? uiLang();
  const id =
    rule && RULES_BY_ID.has(rule)
      ? rule
      : (await vscode.window.showQuickPick(ALL_RULES.map((r) => ({ label: r.id, description: r.description[lang] })), { placeHolder: vscode.l10n.t('Which rule?') }))?.label;
  if (!id) return undefined;
  const english = vscode.Uri.joinPath(extensionUri, ...docsPath(id).split('/'));
  const translated = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', lang, `${id}.md`);
  const page = lang !== 'en' && (await exists(translated)) ? translated : english;
  await vscode.commands.executeCommand('markdown.showPreview', page);
  return page;
}
