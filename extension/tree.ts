import * as vscode from 'vscode';
import type { Finding, Measure, Milestone, Range } from '../strategy/index';
import type { StrategyRoot, StrategyRoots } from './roots';

export type TreeFilter = 'all' | 'ai' | 'problems';

type Node =
  | { type: 'root'; root: StrategyRoot }
  | { type: 'field'; root: StrategyRoot; fieldId: string | undefined; title: string; measures: Measure[] }
  | { type: 'measure'; root: StrategyRoot; measure: Measure }
  | { type: 'milestone'; root: StrategyRoot; measure: Measure; milestone: Milestone };

const STATUS_ICON: Record<string, string> = {
  idea: 'lightbulb',
  planned: 'calendar',
  pilot: 'beaker',
  active: 'play-circle',
  completed: 'pass',
  paused: 'debug-pause',
  cancelled: 'circle-slash',
};

/** The "Strategy" view: fields of action → measures → milestones. */
export class StrategyTree implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  filter: TreeFilter = 'all';

  constructor(private readonly roots: StrategyRoots) {
    roots.onDidLint(() => this.emitter.fire(undefined));
  }

  setFilter(filter: TreeFilter) {
    this.filter = filter;
    void vscode.commands.executeCommand('setContext', 'strategyRoadmap.treeFilter', filter);
    this.emitter.fire(undefined);
  }

  private problems(root: StrategyRoot, measure: Measure): Finding[] {
    return (root.result?.findings ?? []).filter((f) => f.measure === measure.id && f.file === measure.origin.file);
  }

  private visible(root: StrategyRoot, m: Measure): boolean {
    if (this.filter === 'ai') return Boolean(m.ai);
    if (this.filter === 'problems') return this.problems(root, m).some((f) => f.severity !== 'info');
    return true;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const roots = [...this.roots.roots.values()];
      if (roots.length === 1) return this.fields(roots[0]);
      return roots.map((root) => ({ type: 'root', root }));
    }
    if (node.type === 'root') return this.fields(node.root);
    if (node.type === 'field') return node.measures.map((measure) => ({ type: 'measure', root: node.root, measure }));
    if (node.type === 'measure') return node.measure.milestones.map((milestone) => ({ type: 'milestone', root: node.root, measure: node.measure, milestone }));
    return [];
  }

  private fields(root: StrategyRoot): Node[] {
    const model = root.result?.model;
    if (!model) return [];
    const groups = new Map<string | undefined, Measure[]>();
    for (const f of model.fields) groups.set(f.id, []);
    for (const m of model.measures) {
      if (!this.visible(root, m)) continue;
      const key = m.field && model.fieldById.has(m.field.id) ? m.field.id : undefined;
      groups.set(key, [...(groups.get(key) ?? []), m]);
    }
    const out: Node[] = [];
    for (const [fieldId, measures] of groups) {
      if (this.filter !== 'all' && measures.length === 0) continue;
      const title = fieldId ? model.fieldById.get(fieldId)!.title : vscode.l10n.t('Without field of action');
      out.push({ type: 'field', root, fieldId, title, measures });
    }
    return out;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'root') {
      const item = new vscode.TreeItem(node.root.result?.model.strategy.title ?? node.root.uri.path, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('folder-library');
      item.contextValue = 'strategyRoot';
      return item;
    }
    if (node.type === 'field') {
      const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Expanded);
      item.description = vscode.l10n.t('{0} measures', node.measures.length);
      item.iconPath = new vscode.ThemeIcon('symbol-namespace');
      item.contextValue = 'strategyField';
      item.id = `${node.root.uri}#field:${node.fieldId ?? ''}`;
      return item;
    }
    if (node.type === 'measure') {
      const m = node.measure;
      const problems = this.problems(node.root, m);
      const errors = problems.filter((f) => f.severity === 'error').length;
      const warnings = problems.filter((f) => f.severity === 'warning').length;
      const item = new vscode.TreeItem(m.title, m.milestones.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      // The icon is the status, always; an AI initiative carries the AI badge beside it.
      const badges = [m.id, m.ai ? `✦ ${vscode.l10n.t('AI')}` : '', errors ? `⛔ ${errors}` : '', warnings ? `⚠ ${warnings}` : ''].filter(Boolean);
      item.description = badges.join(' · ');
      item.iconPath = new vscode.ThemeIcon(STATUS_ICON[m.status ?? ''] ?? 'circle-outline', errors ? new vscode.ThemeColor('errorForeground') : warnings ? new vscode.ThemeColor('problemsWarningIcon.foreground') : undefined);
      item.tooltip = new vscode.MarkdownString().appendText(`${m.title} (${m.id})${m.ai ? ` · ${vscode.l10n.t('AI initiative')}` : ''}\n${vscode.l10n.t('Status')}: ${m.status ?? vscode.l10n.t('not stated')}\n${vscode.l10n.t('Problems')}: ${errors} / ${warnings}`);
      item.contextValue = m.ai ? 'strategyMeasure.ai' : 'strategyMeasure';
      item.id = `${node.root.uri}#measure:${m.origin.file}:${m.id}`;
      item.resourceUri = node.root.fileUri(m.origin.file);
      item.command = revealCommand(node.root, m.origin.file, m.origin.source.locate(['id'], 'value', m.origin.node));
      return item;
    }
    const ms = node.milestone;
    const item = new vscode.TreeItem(ms.title, vscode.TreeItemCollapsibleState.None);
    // Overdue: still open and due (its period's last day) before the as-of date.
    const asOf = node.root.result?.asOf;
    const overdue = ms.status !== 'done' && ms.status !== 'cancelled' && ms.span !== undefined && asOf !== undefined && ms.span.last < asOf;
    item.description = [ms.date, ms.status, overdue ? vscode.l10n.t('overdue') : ''].filter(Boolean).join(' · ');
    item.iconPath = overdue ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon(ms.status === 'done' ? 'check' : ms.status === 'cancelled' ? 'close' : 'milestone');
    item.contextValue = 'strategyMilestone';
    item.id = `${node.root.uri}#milestone:${node.measure.origin.file}:${node.measure.id}/${ms.id}`;
    item.command = revealCommand(node.root, node.measure.origin.file, node.measure.origin.source.locate([...ms.path, 'id'], 'value', node.measure.origin.node));
    return item;
  }
}

export function revealCommand(root: StrategyRoot, file: string, range: Range): vscode.Command {
  return { command: 'strategyRoadmap.reveal', title: vscode.l10n.t('Open'), arguments: [root.fileUri(file).toString(), range.start.line, range.start.column, range.end.line, range.end.column] };
}

export async function reveal(uri: string, line: number, column: number, endLine: number, endColumn: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const range = new vscode.Range(line - 1, column - 1, endLine - 1, endColumn - 1);
  await vscode.window.showTextDocument(doc, { selection: range, preview: false });
}
