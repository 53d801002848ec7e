import * as vscode from 'vscode';
import type { Measure, Model, SymbolOccurrence } from '../strategy/index';
import type { StrategyRoot, StrategyRoots } from './roots';
import { toRange } from './convert';

const SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'markdown' }];

const KIND: Record<SymbolOccurrence['kind'], vscode.SymbolKind> = {
  measure: vscode.SymbolKind.Class,
  milestone: vscode.SymbolKind.Event,
  field: vscode.SymbolKind.Namespace,
  goal: vscode.SymbolKind.Constant,
  partner: vscode.SymbolKind.Module,
  programme: vscode.SymbolKind.Package,
};

/** The title shown beside an id (the measure's, the milestone's, the field's …). */
export function titleOf(model: Model, s: Pick<SymbolOccurrence, 'kind' | 'id'>): string | undefined {
  switch (s.kind) {
    case 'measure':
      return model.measureById.get(s.id)?.title;
    case 'milestone': {
      const [measure, milestone] = [s.id.slice(0, s.id.indexOf('/')), s.id.slice(s.id.indexOf('/') + 1)];
      return model.measureById.get(measure)?.milestones.find((m) => m.id === milestone)?.title;
    }
    case 'field':
      return model.fieldById.get(s.id)?.title;
    case 'goal':
      return model.goalById.get(s.id)?.title;
    case 'partner':
      return model.partnerById.get(s.id)?.name;
    case 'programme':
      return model.programmeById.get(s.id)?.name;
  }
}

/** Letters of the query in order (VS Code's own fuzzy matching then ranks the results). */
function matches(query: string, text: string): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const t = text.toLowerCase();
  let i = 0;
  for (const c of t) if (c === q[i]) i++;
  return i === q.length;
}

/** Ctrl+T: every id defined in any strategy root – measures, milestones, fields, goals, partners, programmes. */
class WorkspaceSymbols implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly roots: StrategyRoots) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const out: vscode.SymbolInformation[] = [];
    for (const root of this.roots.roots.values()) {
      const model = root.result?.model;
      if (!model) continue;
      for (const s of root.symbols()) {
        if (s.role !== 'definition') continue;
        const title = titleOf(model, s) ?? '';
        if (query && !matches(query, s.id) && !matches(query, title)) continue;
        out.push(new vscode.SymbolInformation(s.id, KIND[s.kind], title, new vscode.Location(root.fileUri(s.file), toRange(s.range))));
      }
    }
    return out;
  }
}

/** The outline of a measures file or a measure's front matter: measures, their keys, milestones. */
class DocumentSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly roots: StrategyRoots) {}

  provideDocumentSymbols(doc: vscode.TextDocument): vscode.DocumentSymbol[] {
    const root = this.roots.rootOf(doc.uri);
    const rel = root?.relative(doc.uri);
    const model = root?.result?.model;
    if (!root || rel === undefined || !model) return [];
    return model.measures.filter((m) => m.origin.file === rel).flatMap((m) => measureSymbol(root, m) ?? []);
  }
}

function measureSymbol(root: StrategyRoot, m: Measure): vscode.DocumentSymbol | undefined {
  const { source, node } = m.origin;
  if (!node) return undefined;
  const [start, , end] = node.range;
  const whole = toRange(source.range(start, end));
  const idRange = toRange(source.locate(['id'], 'value', node));
  const symbol = new vscode.DocumentSymbol(m.id, m.title, vscode.SymbolKind.Class, whole, whole.contains(idRange) ? idRange : whole);
  for (const key of Object.keys(m.data)) {
    const keyRange = toRange(source.locate([key], 'key', node));
    const valueRange = toRange(source.locate([key], 'value', node));
    const range = keyRange.union(valueRange);
    const value = m.data[key];
    const detail = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
    const child = new vscode.DocumentSymbol(key, detail, Array.isArray(value) ? vscode.SymbolKind.Array : typeof value === 'object' && value ? vscode.SymbolKind.Object : vscode.SymbolKind.Property, range, keyRange);
    if (key === 'milestones') {
      for (const ms of m.milestones) {
        const r = toRange(source.locate(ms.path, 'value', node));
        const idR = toRange(source.locate([...ms.path, 'id'], 'value', node));
        child.children.push(new vscode.DocumentSymbol(ms.id, [ms.title, ms.date].filter(Boolean).join(' · '), vscode.SymbolKind.Event, r, r.contains(idR) ? idR : r));
      }
    }
    if (range.start.isBefore(whole.start) || range.end.isAfter(whole.end)) continue;
    symbol.children.push(child);
  }
  void root;
  return symbol;
}

export function registerSymbols(roots: StrategyRoots): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerWorkspaceSymbolProvider(new WorkspaceSymbols(roots)),
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, new DocumentSymbols(roots), { label: vscode.l10n.t('Strategy') }),
  );
}
