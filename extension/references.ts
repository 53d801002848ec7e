import * as vscode from 'vscode';
import { symbolAt, type SymbolOccurrence } from '../strategy/index';
import type { StrategyRoot, StrategyRoots } from './roots';
import { toCore } from './convert';
import { revealCommand, type TreeNode } from './tree';
import { titleOf } from './symbols';

type Node = { type: 'target'; root: StrategyRoot; symbol: SymbolOccurrence; refs: SymbolOccurrence[] } | { type: 'ref'; root: StrategyRoot; occurrence: SymbolOccurrence };

const ICON: Record<SymbolOccurrence['kind'], string> = {
  measure: 'symbol-class',
  milestone: 'milestone',
  field: 'symbol-namespace',
  goal: 'target',
  partner: 'organization',
  programme: 'symbol-package',
};

/**
 * "Referenced by": the id under the cursor (measure, milestone, field, goal, partner, programme)
 * and every place that refers to it, by the measure that holds the reference – from the core's
 * symbol table (strategy/symbols.ts), the same data as Find All References. It follows the
 * cursor; off an id it keeps the last one, so clicking a reference does not empty it.
 */
export class ReferencedBy implements vscode.TreeDataProvider<Node> {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private current: { root: StrategyRoot; kind: SymbolOccurrence['kind']; id: string } | undefined;

  constructor(private readonly roots: StrategyRoots) {}

  /** Follows the cursor; true when the view now shows another id. */
  follow(editor: vscode.TextEditor | undefined): boolean {
    if (!editor) return false;
    const root = this.roots.rootOf(editor.document.uri);
    const rel = root?.relative(editor.document.uri);
    if (!root || rel === undefined) return false;
    const p = toCore(editor.selection.active);
    const s = symbolAt(root.symbols(), rel, p.line, p.column);
    if (!s || (this.current?.root === root && this.current.kind === s.kind && this.current.id === s.id)) return false;
    this.current = { root, kind: s.kind, id: s.id };
    this.emitter.fire(undefined);
    return true;
  }

  /** Shows an id chosen elsewhere (the Strategy tree's context menu). */
  show(root: StrategyRoot, kind: SymbolOccurrence['kind'], id: string) {
    this.current = { root, kind, id };
    this.emitter.fire(undefined);
  }

  refresh() {
    this.emitter.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    const cur = this.current;
    if (!node) {
      if (!cur || !this.roots.roots.has(cur.root.uri.toString())) return [];
      const all = cur.root.symbols().filter((s) => s.kind === cur.kind && s.id === cur.id);
      const symbol = all.find((s) => s.role === 'definition') ?? all[0];
      if (!symbol) return [];
      return [{ type: 'target', root: cur.root, symbol, refs: all.filter((s) => s.role === 'reference') }];
    }
    if (node.type === 'target') return node.refs.map((occurrence) => ({ type: 'ref', root: node.root, occurrence }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const model = node.root.result?.model;
    if (node.type === 'target') {
      const s = node.symbol;
      const item = new vscode.TreeItem(s.id, vscode.TreeItemCollapsibleState.Expanded);
      item.description = [model && titleOf(model, s), node.refs.length === 1 ? vscode.l10n.t('1 reference') : vscode.l10n.t('{0} references', node.refs.length)].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(ICON[s.kind]);
      item.id = `ref-target:${node.root.uri}:${s.kind}:${s.id}`;
      if (s.role === 'definition') item.command = revealCommand(node.root, s.file, s.range);
      return item;
    }
    const o = node.occurrence;
    const holder = o.measure ? model?.measureById.get(o.measure) : undefined;
    const item = new vscode.TreeItem(holder ? holder.id : o.file, vscode.TreeItemCollapsibleState.None);
    item.description = [holder?.title, `${o.file}:${o.range.start.line}`].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(holder ? 'symbol-class' : 'file');
    item.id = `ref:${node.root.uri}:${o.file}:${o.range.start.offset}`;
    item.resourceUri = node.root.fileUri(o.file);
    item.command = revealCommand(node.root, o.file, o.range);
    return item;
  }
}

/** The id a Strategy tree row stands for. */
function treeTarget(node: TreeNode): { kind: SymbolOccurrence['kind']; id: string } | undefined {
  switch (node.type) {
    case 'measure':
      return { kind: 'measure', id: node.measure.id };
    case 'milestone':
      return { kind: 'milestone', id: `${node.measure.id}/${node.milestone.id}` };
    case 'goal':
      return node.goalId ? { kind: 'goal', id: node.goalId } : undefined;
    case 'field':
      return node.fieldId ? { kind: 'field', id: node.fieldId } : undefined;
    default:
      return undefined;
  }
}

export function registerReferencedBy(roots: StrategyRoots): vscode.Disposable {
  const provider = new ReferencedBy(roots);
  const view = vscode.window.createTreeView('strategyRoadmap.references', { treeDataProvider: provider });
  const follow = (editor: vscode.TextEditor | undefined) => {
    if (view.visible) provider.follow(editor);
  };
  return vscode.Disposable.from(
    view,
    vscode.window.onDidChangeTextEditorSelection((e) => follow(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(follow),
    view.onDidChangeVisibility(() => follow(vscode.window.activeTextEditor)),
    roots.onDidLint(() => provider.refresh()),
    vscode.commands.registerCommand('strategyRoadmap.showReferences', async (node?: TreeNode) => {
      await vscode.commands.executeCommand('strategyRoadmap.references.focus');
      const target = node && typeof node === 'object' && 'root' in node ? treeTarget(node) : undefined;
      if (target) provider.show(node!.root, target.kind, target.id);
      else provider.follow(vscode.window.activeTextEditor);
    }),
  );
}
