import * as vscode from 'vscode';
import type { Finding, Measure, Milestone, Range } from '../strategy/index';
import { buildPlan } from '../strategy/diagrams/plan';
import { cleanFilter, type RoadmapFilter } from './diagrams';
import type { StrategyRoot, StrategyRoots } from './roots';

/**
 * What the Strategy view shows: the roadmap's filter model (field of action, AI initiatives only,
 * a period – extension/diagrams.ts, selected by the core as the roadmap selects) plus "only
 * measures with problems", which the tree alone has.
 */
export interface TreeFilter extends RoadmapFilter {
  problems?: boolean;
}

export type TreeNode = Node;

type Node =
  | { type: 'root'; root: StrategyRoot }
  | { type: 'field'; root: StrategyRoot; fieldId: string | undefined; title: string; measures: Measure[] }
  | { type: 'goal'; root: StrategyRoot; fieldId: string | undefined; goalId: string | undefined; title: string; measures: Measure[] }
  | { type: 'measure'; root: StrategyRoot; measure: Measure; under: string }
  | { type: 'milestone'; root: StrategyRoot; measure: Measure; milestone: Milestone; under: string };

const STATUS_ICON: Record<string, string> = {
  idea: 'lightbulb',
  planned: 'calendar',
  pilot: 'beaker',
  active: 'play-circle',
  completed: 'pass',
  paused: 'debug-pause',
  cancelled: 'circle-slash',
};

/** Whether a filter selects anything less than everything. */
export function isFiltered(f: TreeFilter): boolean {
  const c = cleanFilter(f);
  return Boolean(c.field || c.aiOnly || c.from || c.to || f.problems);
}

/**
 * The "Strategy" view: fields of action → goals → measures → milestones. A measure appears under
 * each of its goals; measures without a goal (of any field) in a group of their own.
 */
export class StrategyTree implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  filter: TreeFilter = {};

  constructor(private readonly roots: StrategyRoots) {
    roots.onDidLint(() => this.emitter.fire(undefined));
  }

  setFilter(filter: TreeFilter) {
    const c = cleanFilter(filter);
    this.filter = { ...(c.field ? { field: c.field } : {}), ...(c.aiOnly ? { aiOnly: true } : {}), ...(c.from ? { from: c.from } : {}), ...(c.to ? { to: c.to } : {}), ...(filter.problems ? { problems: true } : {}) };
    void vscode.commands.executeCommand('setContext', 'strategyRoadmap.treeFilter', isFiltered(this.filter) ? 'filtered' : 'all');
    this.emitter.fire(undefined);
  }

  private problems(root: StrategyRoot, measure: Measure): Finding[] {
    return (root.result?.findings ?? []).filter((f) => f.measure === measure.id && f.file === measure.origin.file);
  }

  /** The measures the filter selects: the roadmap's selection (buildPlan) for AI and period. */
  private selected(root: StrategyRoot): Set<Measure> {
    const result = root.result!;
    const { field, aiOnly, from, to } = cleanFilter(this.filter);
    let measures = field ? result.model.measures.filter((m) => m.field?.id === field) : result.model.measures;
    if (aiOnly || from || to) {
      const model = field ? { ...result.model, measures } : result.model;
      try {
        measures = buildPlan({ model, findings: result.findings }, { type: 'gantt', asOf: result.asOf, lang: result.lang, aiOnly, from, to }).items.map((i) => i.measure);
      } catch {
        /* a period the core cannot read (From after To): nothing is hidden by it */
      }
    }
    if (this.filter.problems) measures = measures.filter((m) => this.problems(root, m).some((f) => f.severity !== 'info'));
    return new Set(measures);
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      const roots = [...this.roots.roots.values()];
      if (roots.length === 1) return this.fields(roots[0]);
      return roots.map((root) => ({ type: 'root', root }));
    }
    if (node.type === 'root') return this.fields(node.root);
    if (node.type === 'field') return this.goals(node);
    if (node.type === 'goal') return node.measures.map((measure) => ({ type: 'measure', root: node.root, measure, under: `${node.fieldId ?? ''}/${node.goalId ?? ''}` }));
    if (node.type === 'measure') return node.measure.milestones.map((milestone) => ({ type: 'milestone', root: node.root, measure: node.measure, milestone, under: node.under }));
    return [];
  }

  private fields(root: StrategyRoot): Node[] {
    const model = root.result?.model;
    if (!model) return [];
    const filtered = isFiltered(this.filter);
    const selected = this.selected(root);
    const groups = new Map<string | undefined, Measure[]>();
    for (const f of model.fields) groups.set(f.id, []);
    for (const m of model.measures) {
      if (!selected.has(m)) continue;
      const key = m.field && model.fieldById.has(m.field.id) ? m.field.id : undefined;
      const list = groups.get(key);
      if (list) list.push(m);
      else groups.set(key, [m]);
    }
    const out: Node[] = [];
    for (const [fieldId, measures] of groups) {
      if (filtered && measures.length === 0) continue;
      const title = fieldId ? model.fieldById.get(fieldId)!.title : vscode.l10n.t('Without field of action');
      out.push({ type: 'field', root, fieldId, title, measures });
    }
    return out;
  }

  /** The field's goals (its own, and others its measures pursue), then "Without goal". */
  private goals(node: Extract<Node, { type: 'field' }>): Node[] {
    const model = node.root.result!.model;
    const byGoal = new Map<string, Measure[]>();
    for (const g of model.goals) if (g.field?.id === node.fieldId && node.fieldId !== undefined) byGoal.set(g.id, []);
    const without: Measure[] = [];
    for (const m of node.measures) {
      // Each goal once (a goal written twice would give one tree item id twice).
      const known = [...new Set(m.goals.map((g) => g.id))].filter((id) => model.goalById.has(id));
      if (!known.length) without.push(m);
      for (const id of known) {
        const list = byGoal.get(id);
        if (list) list.push(m);
        else byGoal.set(id, [m]);
      }
    }
    const filtered = isFiltered(this.filter);
    const out: Node[] = [];
    for (const [goalId, measures] of byGoal) {
      if (filtered && !measures.length) continue;
      out.push({ type: 'goal', root: node.root, fieldId: node.fieldId, goalId, title: model.goalById.get(goalId)!.title, measures });
    }
    if (without.length) out.push({ type: 'goal', root: node.root, fieldId: node.fieldId, goalId: undefined, title: vscode.l10n.t('Without goal'), measures: without });
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
      item.description = measureCount(node.measures.length);
      item.iconPath = new vscode.ThemeIcon('symbol-namespace');
      item.contextValue = 'strategyField';
      item.id = `${node.root.uri}#field:${node.fieldId ?? ''}`;
      return item;
    }
    if (node.type === 'goal') {
      const goal = node.goalId ? node.root.result?.model.goalById.get(node.goalId) : undefined;
      const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Expanded);
      item.description = [node.goalId, measureCount(node.measures.length)].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(node.goalId ? 'target' : 'circle-large-outline');
      item.contextValue = node.goalId ? 'strategyGoal' : 'strategyNoGoal';
      item.id = `${node.root.uri}#goal:${node.fieldId ?? ''}/${node.goalId ?? ''}`;
      if (goal) {
        item.tooltip = new vscode.MarkdownString().appendText(`${goal.title} (${goal.id})${goal.description ? `\n${goal.description}` : ''}`);
        item.command = revealCommand(node.root, goal.origin.file, goal.origin.source.locate(['id'], 'value', goal.origin.node));
      }
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
      // The node's offset too: two measures with one id in one file (a duplicate-id finding) stay two rows.
      item.id = `${node.root.uri}#measure:${node.under}:${m.origin.file}@${m.origin.node?.range?.[0] ?? ''}:${m.id}`;
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
    item.id = `${node.root.uri}#milestone:${node.under}:${node.measure.origin.file}@${node.measure.origin.node?.range?.[0] ?? ''}:${node.measure.id}/${ms.id}:${ms.path.join('.')}`;
    item.command = revealCommand(node.root, node.measure.origin.file, node.measure.origin.source.locate([...ms.path, 'id'], 'value', node.measure.origin.node));
    return item;
  }
}

const measureCount = (n: number) => (n === 1 ? vscode.l10n.t('1 measure') : vscode.l10n.t('{0} measures', n));

export function revealCommand(root: StrategyRoot, file: string, range: Range): vscode.Command {
  return { command: 'strategyRoadmap.reveal', title: vscode.l10n.t('Open'), arguments: [root.fileUri(file).toString(), range.start.line, range.start.column, range.end.line, range.end.column] };
}

export async function reveal(uri: string, line: number, column: number, endLine: number, endColumn: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const range = new vscode.Range(line - 1, column - 1, endLine - 1, endColumn - 1);
  await vscode.window.showTextDocument(doc, { selection: range, preview: false });
}
