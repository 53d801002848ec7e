import * as vscode from 'vscode';
import { ALL_RULES, symbolAt, renameText, type SymbolOccurrence, type Measure, type Model } from '../strategy/index';
import { valueCompletions } from '../strategy/schema/completion';
import type { StrategyRoot, StrategyRoots } from './roots';
import { toCore, toRange } from './convert';
import { keyDoc, mappingPath, propertiesOf, resolve, schemaOf, siblingKeys, typeText } from './keys';

const SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'markdown' }];
const ID_RE = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Keys whose values are enum values, by the key of the block they sit in ('' = top level): from the schemas. */
const ENUMS = valueCompletions();

interface YamlContext {
  /** Key whose value is being typed (`status`, or the list key for `- item`). */
  key: string;
  /** Enclosing block key ('' at top level). */
  parent: string;
  /** Text typed so far for the value. */
  prefix: string;
}

/** Reads the YAML key context at the cursor from indentation – enough for completion while typing. */
export function yamlContext(doc: vscode.TextDocument, pos: vscode.Position): YamlContext | undefined {
  const line = doc.lineAt(pos.line).text.slice(0, pos.character);
  const indentOf = (s: string) => s.length - s.trimStart().length;
  const keyValue = /^(\s*)(?:-\s+)?([\w-]+):\s*\[?\s*(?:[^,\]]*,\s*)*["']?([^"',\]]*)$/.exec(line);
  const listItem = /^(\s*)-\s+["']?([^"':]*)$/.exec(line);
  let key: string;
  let indent: number;
  let prefix: string;
  if (keyValue) {
    key = keyValue[2];
    indent = indentOf(line);
    prefix = keyValue[3];
  } else if (listItem) {
    indent = listItem[1].length;
    prefix = listItem[2];
    const owner = findParent(doc, pos.line, indent + 1);
    if (!owner) return undefined;
    key = owner.key;
    indent = owner.indent;
  } else return undefined;
  const parent = findParent(doc, pos.line, indent)?.key ?? '';
  return { key, parent, prefix };
}

/**
 * The range a completion replaces: the whole value token around the cursor (ids hold `-`, `/`
 * and `.`, which VS Code's word range stops at). Without it, accepting `ST-PLATTFORM` after
 * typing `ST-PL` gave `ST-ST-PLATTFORM`. `inserting` ends at the cursor (what VS Code filters
 * by), `replacing` runs to the end of the token (Shift+Enter / insert-replace mode).
 */
export function valueRange(doc: vscode.TextDocument, pos: vscode.Position): { inserting: vscode.Range; replacing: vscode.Range } {
  const text = doc.lineAt(pos.line).text;
  const token = /[A-Za-z0-9_./-]/;
  let start = pos.character;
  while (start > 0 && token.test(text[start - 1])) start--;
  let end = pos.character;
  while (end < text.length && token.test(text[end])) end++;
  return { inserting: new vscode.Range(pos.line, start, pos.line, pos.character), replacing: new vscode.Range(pos.line, start, pos.line, end) };
}

function findParent(doc: vscode.TextDocument, fromLine: number, belowIndent: number): { key: string; indent: number } | undefined {
  for (let l = fromLine - 1; l >= 0; l--) {
    const text = doc.lineAt(l).text;
    if (/^---\s*$/.test(text)) return undefined;
    if (!text.trim() || text.trimStart().startsWith('#')) continue;
    const m = /^(\s*)(?:-\s+)?([\w-]+):/.exec(text);
    const indent = text.length - text.trimStart().length;
    if (m && indent < belowIndent && !/^\s*-\s/.test(text)) return { key: m[2], indent };
    if (indent === 0 && !m) return undefined;
  }
  return undefined;
}

function idItems(model: Model, key: string, parent: string): Array<{ label: string; detail: string; kind: vscode.CompletionItemKind }> {
  const measureItems = () =>
    model.measures.flatMap((m) => [
      { label: m.id, detail: m.title, kind: vscode.CompletionItemKind.Reference },
      ...m.milestones.map((ms) => ({ label: `${m.id}/${ms.id}`, detail: `${ms.title} (${ms.date ?? ''})`, kind: vscode.CompletionItemKind.Event })),
    ]);
  switch (key) {
    case 'field':
      return model.fields.map((f) => ({ label: f.id, detail: f.title, kind: vscode.CompletionItemKind.Folder }));
    case 'goals':
      return model.goals.map((g) => ({ label: g.id, detail: g.title, kind: vscode.CompletionItemKind.Constant }));
    case 'partners':
      return parent === '' ? model.partners.map((p) => ({ label: p.id, detail: p.name, kind: vscode.CompletionItemKind.Module })) : [];
    case 'source':
      return [{ label: 'own', detail: vscode.l10n.t('Municipal budget'), kind: vscode.CompletionItemKind.Value }, ...model.programmes.map((p) => ({ label: p.id, detail: p.name, kind: vscode.CompletionItemKind.Value }))];
    case 'depends_on':
      return measureItems();
    case 'measure':
      return model.measures.map((m) => ({ label: m.id, detail: m.title, kind: vscode.CompletionItemKind.Reference }));
    case 'rule':
      return ALL_RULES.map((r) => ({ label: r.id, detail: r.description.en, kind: vscode.CompletionItemKind.Keyword }));
  }
  return [];
}

const SNIPPETS: Array<{ label: string; detail: string; body: string }> = [
  { label: 'funding', detail: 'funding entry', body: 'funding:\n  - source: ${1:own}\n    status: ${2|candidate,planned,applied,granted,rejected|}\n    amount: ${3:0}\n' },
  { label: 'privacy', detail: 'data-protection review', body: 'privacy:\n  personal_data: ${1|true,false|}\n  dpia: ${2|required,in-progress,done,not-required|}\n  dpo_consulted: ${3:YYYY-MM-DD}\n  legal_basis: "${4}"\n  ropa: ${5|true,false|}\n' },
  { label: 'ai', detail: 'AI initiative', body: 'ai:\n  category: ${1|chatbot,text-recognition,decision-support,data-analysis,translation,generation,forecasting,image-analysis,speech,other|}\n  risk: ${2|minimal,limited,high,unclassified|}\n  purpose: "${3}"\n  human_oversight: "${4}"\n  transparency_notice: ${5|true,false|}\n' },
  { label: 'ethics', detail: 'ethics review', body: 'ethics:\n  review: ${1|pending,done,not-required|}\n  date: ${2:YYYY-MM-DD}\n  body: "${3}"\n' },
  { label: 'milestone', detail: 'milestone', body: 'milestones:\n  - id: ${1:m1}\n    title: "${2}"\n    date: ${3:YYYY-MM-DD}\n    status: ${4|open,done,cancelled|}\n' },
];

function hoverFor(root: StrategyRoot, s: SymbolOccurrence): vscode.MarkdownString | undefined {
  const model = root.result?.model;
  if (!model) return undefined;
  const md = new vscode.MarkdownString();
  md.isTrusted = false;
  md.supportHtml = false;
  const line = (label: string, value: string | undefined) => {
    if (value) md.appendMarkdown(`**${label}:** `).appendText(value).appendMarkdown('  \n');
  };
  if (s.kind === 'measure' || s.kind === 'milestone') {
    const m: Measure | undefined = model.measureById.get(s.kind === 'milestone' ? s.id.slice(0, s.id.indexOf('/')) : s.id);
    if (!m) return undefined;
    if (s.kind === 'milestone') {
      const ms = m.milestones.find((x) => `${m.id}/${x.id}` === s.id);
      if (!ms) return undefined;
      md.appendMarkdown('**').appendText(ms.title).appendMarkdown('**  \n');
      line(vscode.l10n.t('Measure'), `${m.title} (${m.id})`);
      line(vscode.l10n.t('Date'), ms.date);
      line(vscode.l10n.t('Status'), ms.status);
      return md;
    }
    md.appendMarkdown('**').appendText(`${m.title} (${m.id})`).appendMarkdown('**  \n');
    line(vscode.l10n.t('Status'), m.status);
    line(vscode.l10n.t('Period'), [m.start, m.end].filter(Boolean).join(' – '));
    line(vscode.l10n.t('Owner'), m.owner);
    if (m.ai) line(vscode.l10n.t('AI'), `${m.ai.category ?? '?'} · ${m.ai.risk ?? '?'}`);
    const funding = m.funding.map((f) => `${f.source === 'own' ? vscode.l10n.t('own budget') : model.programmeById.get(f.source)?.name ?? f.source}: ${f.status ?? '?'}${f.amount !== undefined ? ` (${f.amount.toLocaleString(vscode.env.language)} €)` : ''}`);
    line(vscode.l10n.t('Funding'), funding.length ? funding.join('; ') : vscode.l10n.t('none'));
    return md;
  }
  const entry =
    s.kind === 'field' ? model.fieldById.get(s.id) && { title: model.fieldById.get(s.id)!.title, more: model.fieldById.get(s.id)!.description }
    : s.kind === 'goal' ? model.goalById.get(s.id) && { title: model.goalById.get(s.id)!.title, more: model.goalById.get(s.id)!.description }
    : s.kind === 'partner' ? model.partnerById.get(s.id) && { title: model.partnerById.get(s.id)!.name, more: model.partnerById.get(s.id)!.kind }
    : model.programmeById.get(s.id) && { title: model.programmeById.get(s.id)!.name, more: [model.programmeById.get(s.id)!.provider, model.programmeById.get(s.id)!.body, model.programmeById.get(s.id)!.deadline].filter(Boolean).join(' · ') };
  if (!entry) return undefined;
  md.appendMarkdown('**').appendText(entry.title).appendMarkdown('**');
  if (entry.more) md.appendMarkdown('  \n').appendText(entry.more);
  return md;
}

/**
 * Keys the mapping at the cursor takes (from our schema), those not written yet; a block key of
 * a measure (funding, privacy, ai, ethics, milestones) inserts its block as a snippet.
 */
function keyItems(doc: vscode.TextDocument, pos: vscode.Position, rel: string, kind: string | undefined): vscode.CompletionItem[] {
  const m = /^(\s*)(-\s+)?([\w-]*)$/.exec(doc.lineAt(pos.line).text.slice(0, pos.character));
  const schema = schemaOf(rel, kind);
  if (!m || !schema) return [];
  const column = m[1].length + (m[2]?.length ?? 0);
  const path = mappingPath(doc, pos.line, column);
  if (!path) return [];
  const node = resolve(schema, path);
  const present = siblingKeys(doc, pos.line, column);
  const required = new Set(node?.required ?? []);
  const range = new vscode.Range(pos.line, column, pos.line, pos.character);
  return Object.entries(propertiesOf(node))
    .filter(([key]) => !present.has(key))
    .map(([key, prop]) => {
      const item = new vscode.CompletionItem({ label: key, description: typeText(prop) }, vscode.CompletionItemKind.Property);
      const snippet = kind === 'measures' && path.length === 0 ? SNIPPETS.find((x) => x.body.startsWith(`${key === 'milestones' ? 'milestones' : key}:`)) : undefined;
      item.insertText = snippet ? new vscode.SnippetString(snippet.body.replace(/\n$/, '')) : `${key}: `;
      item.documentation = keyDoc(key, prop, required.has(key));
      item.range = range;
      item.sortText = `${required.has(key) ? 0 : 1}${key}`;
      if (!snippet && (prop.enum || /id|date/.test(prop['x-kind'] ?? ''))) item.command = { command: 'editor.action.triggerSuggest', title: '' };
      return item;
    });
}

/** Hover on a key: what the schema says about it. */
function keyHover(doc: vscode.TextDocument, pos: vscode.Position, rel: string, kind: string | undefined): vscode.Hover | undefined {
  const m = /^(\s*)(-\s+)?([\w-]+)\s*:/.exec(doc.lineAt(pos.line).text);
  const schema = schemaOf(rel, kind);
  if (!m || !schema) return undefined;
  const column = m[1].length + (m[2]?.length ?? 0);
  if (pos.character < column || pos.character > column + m[3].length) return undefined;
  const path = mappingPath(doc, pos.line, column);
  const node = path && resolve(schema, path);
  const prop = propertiesOf(node)[m[3]];
  if (!prop) return undefined;
  return new vscode.Hover(keyDoc(m[3], prop, Boolean(node?.required?.includes(m[3]))), new vscode.Range(pos.line, column, pos.line, column + m[3].length));
}

export function registerLanguageFeatures(roots: StrategyRoots): vscode.Disposable {
  const at = (doc: vscode.TextDocument, pos: vscode.Position) => {
    const root = roots.rootOf(doc.uri);
    const rel = root?.relative(doc.uri);
    if (!root || rel === undefined) return undefined;
    const p = toCore(pos);
    const symbol = symbolAt(root.symbols(), rel, p.line, p.column);
    return symbol ? { root, symbol } : undefined;
  };
  const same = (a: SymbolOccurrence, b: SymbolOccurrence) => a.kind === b.kind && a.id === b.id;
  const location = (root: StrategyRoot, s: SymbolOccurrence) => new vscode.Location(root.fileUri(s.file), toRange(s.range));

  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(
      SELECTOR,
      {
        provideCompletionItems(doc, pos) {
          const root = roots.rootOf(doc.uri);
          const rel = root?.relative(doc.uri);
          const model = root?.result?.model;
          if (!root || rel === undefined || !root.tracks(rel) || !model) return undefined;
          const ctx = yamlContext(doc, pos);
          const items: vscode.CompletionItem[] = [];
          if (ctx) {
            const range = valueRange(doc, pos);
            const values = ENUMS[ctx.key]?.[ctx.parent] ?? (ctx.key === 'status' ? ENUMS.status[''] : undefined);
            for (const v of values ?? []) {
              const item = new vscode.CompletionItem(v, vscode.CompletionItemKind.EnumMember);
              item.range = range;
              items.push(item);
            }
            for (const it of idItems(model, ctx.key, ctx.parent)) {
              const item = new vscode.CompletionItem({ label: it.label, description: it.detail }, it.kind);
              item.detail = it.detail;
              item.filterText = it.label;
              item.range = range;
              items.push(item);
            }
            return items;
          }
          items.push(...keyItems(doc, pos, rel, root.ws.kindOf(rel)));
          return items;
        },
      },
      ':',
      ' ',
      '-',
      '/',
    ),
    vscode.languages.registerHoverProvider(SELECTOR, {
      provideHover(doc, pos) {
        const hit = at(doc, pos);
        const md = hit && hoverFor(hit.root, hit.symbol);
        if (md) return new vscode.Hover(md, toRange(hit.symbol.range));
        const root = roots.rootOf(doc.uri);
        const rel = root?.relative(doc.uri);
        return root && rel !== undefined && root.tracks(rel) ? keyHover(doc, pos, rel, root.ws.kindOf(rel)) : undefined;
      },
    }),
    vscode.languages.registerDefinitionProvider(SELECTOR, {
      provideDefinition(doc, pos) {
        const hit = at(doc, pos);
        if (!hit) return undefined;
        // originSelectionRange: Ctrl+hover underlines, and the peek starts from, the whole id
        // (`KI-WOHNGELD`, not the word `WOHNGELD` VS Code would take).
        const origin = toRange(hit.symbol.range);
        return hit.root
          .symbols()
          .filter((s) => s.role === 'definition' && same(s, hit.symbol))
          .map((s): vscode.LocationLink => ({ originSelectionRange: origin, targetUri: hit.root.fileUri(s.file), targetRange: toRange(s.range) }));
      },
    }),
    // Clicking into an id highlights every occurrence of the whole id in the file (not of the word under the cursor).
    vscode.languages.registerDocumentHighlightProvider(SELECTOR, {
      provideDocumentHighlights(doc, pos) {
        const hit = at(doc, pos);
        const rel = hit?.root.relative(doc.uri);
        if (!hit || rel === undefined) return undefined;
        return hit.root
          .symbols()
          .filter((s) => s.file === rel && same(s, hit.symbol))
          .map((s) => new vscode.DocumentHighlight(toRange(s.range), s.role === 'definition' ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read));
      },
    }),
    // Expand Selection (Shift+Alt+→) reaches the whole id before the line; VS Code adds its own word steps below it.
    vscode.languages.registerSelectionRangeProvider(SELECTOR, {
      provideSelectionRanges(doc, positions) {
        if (!roots.rootOf(doc.uri)) return undefined;
        return positions.map((pos) => {
          const hit = at(doc, pos);
          const line = new vscode.SelectionRange(doc.lineAt(pos.line).range);
          return hit ? new vscode.SelectionRange(toRange(hit.symbol.range), line) : line;
        });
      },
    }),
    vscode.languages.registerReferenceProvider(SELECTOR, {
      provideReferences(doc, pos, context) {
        const hit = at(doc, pos);
        if (!hit) return undefined;
        return hit.root
          .symbols()
          .filter((s) => same(s, hit.symbol) && (context.includeDeclaration || s.role === 'reference'))
          .map((s) => location(hit.root, s));
      },
    }),
    vscode.languages.registerRenameProvider(SELECTOR, {
      prepareRename(doc, pos) {
        const hit = at(doc, pos);
        if (!hit) throw new Error(vscode.l10n.t('Only ids of measures, milestones, fields, goals, partners and programmes can be renamed.'));
        const text = hit.symbol.kind === 'milestone' ? hit.symbol.id.slice(hit.symbol.id.indexOf('/') + 1) : hit.symbol.id;
        return { range: toRange(hit.symbol.range), placeholder: text };
      },
      provideRenameEdits(doc, pos, newName) {
        const hit = at(doc, pos);
        if (!hit) return undefined;
        const name = renameText(hit.symbol.kind, newName.trim());
        if (!ID_RE.test(name)) throw new Error(vscode.l10n.t('"{0}" is not a valid id (a letter, then letters, digits, _ or -).', name));
        const edit = new vscode.WorkspaceEdit();
        for (const s of hit.root.symbols()) if (same(s, hit.symbol)) edit.replace(hit.root.fileUri(s.file), toRange(s.range), name);
        return edit;
      },
    }),
  );
}
