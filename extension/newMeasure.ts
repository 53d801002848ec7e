import * as vscode from 'vscode';
import { AI_CATEGORIES, AI_RISKS } from '../strategy/index';
import { checkId, existingIds, measurePath, renderMeasure } from '../strategy/templates/measure';
import { deriveMeasureId, idPrefix, measureFolder, uniqueId } from '../strategy/templates/measure-place';
import { slugify } from '../strategy/templates/slug';
import type { StrategyRoot, StrategyRoots } from './roots';
import { uiLang } from './settings';

/**
 * "New Measure": asks for title, field of action, whether it is an AI initiative and then the id
 * (offered with the prefix the field's measures use, strategy/templates/measure-place.ts), then
 * writes `<folder of the field's measures>/<slug>.md` from the same template as
 * `strategy new measure` and opens it. Never overwrites a file.
 */
export interface NewMeasureArgs {
  title?: string;
  id?: string;
  /** A field id, or '' for none. */
  field?: string;
  ai?: { category: string; risk: string } | false;
}

export async function newMeasure(roots: StrategyRoots, root: StrategyRoot, extensionUri: vscode.Uri, args: NewMeasureArgs = {}): Promise<vscode.Uri | undefined> {
  const model = root.result?.model ?? root.lint().model;
  const lang = model.strategy.language ?? uiLang(root.uri);
  // Values passed as command arguments (keybindings, tasks, tests) skip their question.
  const title = args.title?.replace(/\s+/g, ' ').trim() || (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Title of the new measure'), validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A title is required.')) }))?.replace(/\s+/g, ' ').trim();
  if (!title) return undefined;
  const existing = existingIds(model);
  // The id check speaks the user's language (the setting, else VS Code's), like the prompts around it.
  const userLang = uiLang(root.uri);
  const idProblem = (v: string) => checkId(v, existing, userLang);
  if (args.id !== undefined && idProblem(args.id)) {
    void vscode.window.showErrorMessage(idProblem(args.id)!);
    return undefined;
  }
  const fieldPick = args.field !== undefined ? { id: args.field || undefined } : await vscode.window.showQuickPick(
    [{ label: vscode.l10n.t('(no field of action)'), id: undefined as string | undefined }, ...model.fields.map((f) => ({ label: f.title, description: f.id, id: f.id as string | undefined }))],
    { placeHolder: vscode.l10n.t('Field of action') },
  );
  if (!fieldPick) return undefined;
  let ai: { category: string; risk: string } | undefined = args.ai || undefined;
  const aiPick = args.ai !== undefined ? 'given' : await vscode.window.showQuickPick([vscode.l10n.t('No'), vscode.l10n.t('Yes, an AI initiative')], { placeHolder: vscode.l10n.t('Is it an AI initiative?') });
  if (!aiPick) return undefined;
  if (aiPick !== 'given' && aiPick !== vscode.l10n.t('No')) {
    const category = await vscode.window.showQuickPick([...AI_CATEGORIES], { placeHolder: vscode.l10n.t('AI category') });
    if (!category) return undefined;
    const risk = await vscode.window.showQuickPick(RISK_CHOICES.map((r) => ({ label: r, description: riskDescription(r), value: r })), { placeHolder: vscode.l10n.t('Risk class (EU AI Act)') });
    if (!risk) return undefined;
    ai = { category, risk: risk.value };
  }
  const derived = uniqueId(deriveMeasureId(title, idPrefix(model, fieldPick.id, ai !== undefined)), existing);
  const id = args.id ?? (args.title ? derived : undefined) ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Id of the new measure'), value: derived, validateInput: (v) => idProblem(v.trim()) }))?.trim();
  if (!id) return undefined;
  const isMeasure = (p: string) => root.ws.kindOf(p) === 'measures';
  const folder = measureFolder(model, fieldPick.id);
  const inFolder = folder !== undefined ? `${folder}/${slugify(id, Infinity)}.md` : undefined;
  const path = inFolder && isMeasure(inFolder) ? inFolder : measurePath(id, isMeasure, root.ws.include());
  if (!path) {
    void vscode.window.showErrorMessage(vscode.l10n.t('No folder for Markdown measures: "include" in strategy.yaml matches no Markdown file.'));
    return undefined;
  }
  const target = root.fileUri(path);
  try {
    await vscode.workspace.fs.stat(target);
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} exists already; nothing was written.', path));
    return undefined;
  } catch {
    /* does not exist: good */
  }
  const dir = vscode.Uri.joinPath(extensionUri, 'cli', 'templates', 'measure', lang);
  const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name)));
  const text = renderMeasure(lang, { id, title, field: fieldPick.id, ai, model }, { measure: await read('measure.md.tmpl'), ai: await read('ai.yaml.tmpl') }, new Date().getUTCFullYear());
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(target);
  void roots;
  return target;
}

/** Risk classes in the order an author meets them; `prohibited` last, never preselected. */
const RISK_CHOICES: ReadonlyArray<(typeof AI_RISKS)[number]> = ['minimal', 'limited', 'high', 'unclassified', 'prohibited'];

function riskDescription(risk: string): string {
  switch (risk) {
    case 'minimal': return vscode.l10n.t('no obligations beyond AI literacy');
    case 'limited': return vscode.l10n.t('transparency obligations (e.g. chatbots)');
    case 'high': return vscode.l10n.t('Annex III use: FRIA, registration, oversight');
    case 'unclassified': return vscode.l10n.t('not yet assessed');
    default: return vscode.l10n.t('prohibited practice (Art. 5): may not be used');
  }
}
