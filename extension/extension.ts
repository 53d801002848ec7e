import * as vscode from 'vscode';
import { StrategyRoots, type StrategyRoot } from './roots';
import { registerDiagnostics } from './diagnostics';
import { StrategyTree, reveal, type TreeFilter } from './tree';
import { filterSummary, pickTreeFilter } from './treeFilter';
import { registerLanguageFeatures } from './language';
import { registerQuickFixes } from './quickfix';
import { registerStatusBar } from './statusbar';
import { registerSymbols } from './symbols';
import { registerReferencedBy } from './references';
import { createLog, log } from './log';
import { RoadmapPanel, type RoadmapState } from './roadmapPanel';
import type { DiagramType, RoadmapFilter } from './diagrams';

/** What the extension exposes to its tests (and to other extensions). */
export interface StrategyApi {
  roots: StrategyRoots;
  tree: StrategyTree;
  /** Time activate() took (own code; the repository is loaded afterwards, see `ready`). */
  activationMs: number;
  /** Resolves when every strategy root is loaded and linted; gives the loading time in ms. */
  ready: Promise<number>;
  roadmapPanel(): RoadmapPanel | undefined;
}

async function pickRoot(roots: StrategyRoots): Promise<StrategyRoot | undefined> {
  const all = [...roots.roots.values()];
  if (all.length <= 1) {
    if (!all.length) void vscode.window.showWarningMessage(vscode.l10n.t('No strategy.yaml found in this workspace.'));
    return all[0];
  }
  const active = vscode.window.activeTextEditor && roots.rootOf(vscode.window.activeTextEditor.document.uri);
  if (active) return active;
  const pick = await vscode.window.showQuickPick(
    all.map((r) => ({ label: r.result?.model.strategy.title ?? r.uri.path, description: vscode.workspace.asRelativePath(r.uri), root: r })),
    { placeHolder: vscode.l10n.t('Which strategy repository?') },
  );
  return pick?.root;
}

export async function activate(context: vscode.ExtensionContext): Promise<StrategyApi> {
  const started = performance.now();
  context.subscriptions.push(createLog());
  const roots = new StrategyRoots();
  const tree = new StrategyTree(roots);
  context.subscriptions.push(roots, registerDiagnostics(roots, context.extensionUri), registerLanguageFeatures(roots), registerQuickFixes(roots), registerStatusBar(roots), registerSymbols(roots), registerReferencedBy(roots));

  const view = vscode.window.createTreeView('strategyRoadmap.tree', { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(view);
  void vscode.commands.executeCommand('setContext', 'strategyRoadmap.treeFilter', 'all');
  // The activity-bar icon (the view's container) shows only where a strategy repository is open.
  const hasStrategy = () => void vscode.commands.executeCommand('setContext', 'strategyRoadmap.hasStrategy', roots.roots.size > 0);
  context.subscriptions.push(roots.onDidLint(hasStrategy));

  // Without a strategy the container (and its welcome view with "Initialize strategy") shows only
  // in an empty folder – a folder being set up – never in other projects (docs/vscode.md).
  const offerInit = async () => {
    const { workspaceIsEmpty } = await import('./init');
    void vscode.commands.executeCommand('setContext', 'strategyRoadmap.canInitialize', roots.roots.size === 0 && (await workspaceIsEmpty()));
  };
  context.subscriptions.push(vscode.workspace.onDidChangeWorkspaceFolders(() => void offerInit()));
  const command = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  command('strategyRoadmap.reveal', (uri: string, line: number, column: number, endLine: number, endColumn: number) => reveal(uri, line, column, endLine, endColumn));
  command('strategyRoadmap.showRuleDocs', async (rule?: string) => {
    const { showRuleDocs } = await import('./ruleDocs');
    return showRuleDocs(context.extensionUri, typeof rule === 'string' ? rule : undefined, roots);
  });
  command('strategyRoadmap.showProblems', () => vscode.commands.executeCommand('workbench.actions.view.problems'));
  command('strategyRoadmap.lintWorkspace', async () => {
    await roots.discover();
    for (const r of roots.roots.values()) roots.relint(r);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  command('strategyRoadmap.showRoadmap', async (type?: DiagramType, filter?: RoadmapFilter) => {
    const root = await pickRoot(roots);
    if (root) RoadmapPanel.show(roots, root, context.extensionUri, typeof type === 'string' ? type : undefined, typeof filter === 'object' && filter ? filter : undefined);
  });
  command('strategyRoadmap.exportRoadmap', async () => {
    const root = await pickRoot(roots);
    if (!root) return;
    const type = await vscode.window.showQuickPick(['gantt', 'dependencies', 'timeline'], { placeHolder: vscode.l10n.t('Diagram type') });
    if (type) await RoadmapPanel.exportSource(root, type as DiagramType);
  });
  command('strategyRoadmap.generateCouncilReport', async (inquiry?: string) => {
    const root = await pickRoot(roots);
    if (!root) return;
    const { openCouncilReport } = await import('./report');
    await roots.flush(); // the report shows what the editors show, typed a moment ago included
    return openCouncilReport(root, typeof inquiry === 'string' ? inquiry : undefined);
  });
  command('strategyRoadmap.newMeasure', async (args?: import('./newMeasure').NewMeasureArgs) => {
    const root = await pickRoot(roots);
    if (!root) return;
    const { newMeasure } = await import('./newMeasure');
    return newMeasure(roots, root, context.extensionUri, typeof args === 'object' && args ? args : {});
  });
  const setFilter = (f: TreeFilter) => {
    tree.setFilter(f);
    view.description = filterSummary(roots, tree.filter);
  };
  command('strategyRoadmap.filterTree', async (arg?: TreeFilter) => {
    if (typeof arg === 'object' && arg) return setFilter(arg);
    return pickTreeFilter(roots, tree.filter, setFilter);
  });
  command('strategyRoadmap.clearFilter', () => setFilter({}));
  command('strategyRoadmap.init', async (args?: { lang?: 'de' | 'en'; folder?: vscode.Uri }) => {
    const { initStrategy } = await import('./init');
    const given = typeof args === 'object' && args ? { lang: args.lang === 'de' || args.lang === 'en' ? args.lang : undefined, folder: args.folder instanceof vscode.Uri ? args.folder : undefined } : {};
    const outcome = await initStrategy(context.extensionUri, String(context.extension.packageJSON.version ?? ''), given);
    if (!outcome?.created.includes('strategy.yaml')) return outcome;
    // The new repository is a strategy root at once (not only when the file watcher reports it); the tree shows it.
    await roots.discover();
    hasStrategy();
    await vscode.commands.executeCommand('strategyRoadmap.tree.focus');
    return outcome;
  });

  // Loading the repository is I/O: it runs after activation returns, so the editor stays responsive.
  const loadStart = performance.now();
  const ready = roots.start().then(async () => {
    const ms = performance.now() - loadStart;
    hasStrategy();
    await offerInit();
    log.info(`loaded ${roots.roots.size} strategy root(s) in ${ms.toFixed(1)} ms`);
    return ms;
  });
  // After a reload VS Code restores an open roadmap panel with the state its webview saved.
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer('strategyRoadmap.roadmap', {
      deserializeWebviewPanel: (panel, state) => RoadmapPanel.revive(roots, ready, panel, context.extensionUri, state as RoadmapState | undefined),
    }),
  );
  const activationMs = performance.now() - started;
  log.info(`activated in ${activationMs.toFixed(1)} ms (own code)`);
  return { roots, tree, activationMs, ready, roadmapPanel: () => RoadmapPanel.current };
}

export function deactivate(): void {
  /* disposables are registered in context.subscriptions */
}
