import * as vscode from 'vscode';
import { STRATEGY_FILE, type Lang } from '../strategy/index';
import { planInit, type InitTemplate } from '../strategy/templates/init';
import { NO_REAL_PATHS } from '../strategy/files/store';
import { realPathAllowed, unsafeRelativePath } from '../strategy/files/policy';
import { VscodeStore } from './store';
import { uiLang } from './settings';
import { log } from './log';

/** The schema copies a new repository gets (the names `strategy init` writes, see cli/commands/init.ts). */
const SCHEMAS = ['strategy.schema.json', 'measure.schema.json', 'measures-file.schema.json', 'funding.schema.json', 'partners.schema.json', 'inquiry.schema.json'];

async function readTemplates(dir: vscode.Uri, prefix = ''): Promise<InitTemplate[]> {
  const out: InitTemplate[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
    const rel = prefix ? `${prefix}/${name}` : name;
    const uri = vscode.Uri.joinPath(dir, name);
    if (type & vscode.FileType.Directory) out.push(...(await readTemplates(uri, rel)));
    else if (name.endsWith('.tmpl')) out.push({ path: rel, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The nearest existing folder at or above `folder` (a path relative to the store's root; '' is the root). */
async function nearestExisting(store: VscodeStore, folder: string): Promise<string> {
  let dir = folder;
  while (dir && !(await store.stat(dir))) dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  return dir;
}

/** The core's write policy (strategy/files/policy.ts), as `strategy init` applies it: a folder whose real path leaves the root is refused. */
async function folderAllowed(store: VscodeStore, folder: string): Promise<boolean> {
  const st = await store.stat(folder);
  if (folder && st?.kind !== 'folder') return false;
  const real = await store.realPath(folder);
  // Without real paths (a virtual file system) a link is refused outright: nothing is written through one.
  if (real === NO_REAL_PATHS) return !st?.link;
  return realPathAllowed(real);
}

export interface InitOutcome {
  created: string[];
  skipped: string[];
  refused: string[];
}

/**
 * "Initialize strategy" (the welcome view's button, or the command): the same repository as
 * `strategy init` – the core's plan (strategy/templates/init.ts) from the templates the extension
 * ships – written under the same policy: only inside the folder, never through a link out of it,
 * never over an existing file, strategy.yaml last.
 */
export async function initStrategy(extensionUri: vscode.Uri, version: string, args: { folder?: vscode.Uri; lang?: Lang } = {}): Promise<InitOutcome | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  let folder = args.folder;
  if (!folder) {
    if (folders.length === 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: the strategy repository is created in it.'));
      return undefined;
    }
    folder = folders.length === 1 ? folders[0].uri : (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Folder for the new strategy repository') }))?.uri;
  }
  if (!folder) return undefined;
  const store = new VscodeStore(folder);
  if (await store.stat(STRATEGY_FILE)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} exists already; nothing was written.', STRATEGY_FILE));
    return undefined;
  }
  let lang = args.lang;
  if (!lang) {
    const first = uiLang(folder);
    const choices = [
      { label: 'Deutsch', description: vscode.l10n.t('German templates'), lang: 'de' as Lang },
      { label: 'English', description: vscode.l10n.t('English templates'), lang: 'en' as Lang },
    ].sort((a, b) => Number(b.lang === first) - Number(a.lang === first));
    lang = (await vscode.window.showQuickPick(choices, { placeHolder: vscode.l10n.t('Language of the new strategy') }))?.lang;
  }
  if (!lang) return undefined;

  const base = vscode.Uri.joinPath(extensionUri, 'cli', 'templates', 'init');
  const schemas: Record<string, unknown> = {};
  for (const name of SCHEMAS) schemas[name] = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'strategy', 'schema', name))));
  const files = planInit({ common: await readTemplates(vscode.Uri.joinPath(base, 'common')), lang: await readTemplates(vscode.Uri.joinPath(base, lang)) }, schemas, new Date(), version);

  const outcome: InitOutcome = { created: [], skipped: [], refused: [] };
  for (const { path, content } of files) {
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    // Checked on the nearest existing folder before any folder is created, and on the folder after.
    if (unsafeRelativePath(path) || !(await folderAllowed(store, await nearestExisting(store, dir)))) {
      outcome.refused.push(path);
      continue;
    }
    if (dir) await vscode.workspace.fs.createDirectory(store.uri(dir));
    if (!(await folderAllowed(store, dir))) {
      outcome.refused.push(path);
      continue;
    }
    if (await store.stat(path)) {
      outcome.skipped.push(path);
      continue;
    }
    await vscode.workspace.fs.writeFile(store.uri(path), new TextEncoder().encode(content));
    outcome.created.push(path);
  }
  log.info(`init: ${outcome.created.length} created, ${outcome.skipped.length} kept, ${outcome.refused.length} refused in ${folder.toString()}`);
  const kept = outcome.skipped.length + outcome.refused.length;
  const summary = vscode.l10n.t('Strategy repository created: {0} files.', outcome.created.length) + (kept ? ' ' + vscode.l10n.t('Left alone (existing, or outside the folder): {0}', [...outcome.skipped, ...outcome.refused].join(', ')) : '');
  void vscode.window.showInformationMessage(summary);
  return outcome;
}

/** Whether every workspace folder is empty apart from dot entries (`.git`, `.vscode`): a place where a new strategy can start. */
export async function workspaceIsEmpty(): Promise<boolean> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (!folders.length) return false;
  for (const f of folders) {
    try {
      if ((await vscode.workspace.fs.readDirectory(f.uri)).some(([name]) => !name.startsWith('.'))) return false;
    } catch {
      return false;
    }
  }
  return true;
}
