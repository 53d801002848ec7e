import * as vscode from 'vscode';
import type { Finding, Measure } from '../strategy/index';
import { applyFixes, replaceTitle, type Fix } from '../strategy/fix';
import type { StrategyRoot, StrategyRoots } from './roots';
import { toRange } from './convert';
import { log } from './log';

const SELECTOR: vscode.DocumentSelector = [{ language: 'yaml' }, { language: 'markdown' }];

/**
 * Blocks a quick fix can add to a measure, each with the rules it answers. Lines are snippets:
 * inserted in the editor, the first placeholder is selected (and so revealed) and Tab moves on.
 * Nothing is filled in that the author has not stated: no `amount: 0` (an amount of zero would
 * itself be a finding); the funding status is a choice.
 */
const STUBS: Array<{ key: string; rules: string[]; title: string; lines: string[] }> = [
  { key: 'funding', rules: ['funding-missing'], title: 'Add funding entry', lines: ['funding:', '  - source: ${1:own}', '    status: ${2|planned,candidate,applied,granted|}'] },
  { key: 'privacy', rules: ['privacy-review-missing'], title: 'Add data-protection review', lines: ['privacy:', '  personal_data: ${1|true,false|}', '  dpia: ${2|required,in-progress,done,not-required|}', '  legal_basis: "$3"', '  ropa: ${4|true,false|}'] },
  { key: 'ethics', rules: ['ethics-review-missing'], title: 'Add ethics review', lines: ['ethics:', '  review: ${1|pending,done,not-required|}', '  body: "$2"'] },
  { key: 'ai', rules: [], title: 'Mark as AI initiative (add ai block)', lines: ['ai:', '  category: ${1|other,chatbot,text-recognition,decision-support,data-analysis,translation,generation,forecasting,image-analysis,speech|}', '  risk: ${2|unclassified,minimal,limited,high,prohibited|}', '  purpose: "$3"', '  human_oversight: "$4"', '  transparency_notice: ${5|true,false|}'] },
];

/** Escapes text for a snippet (VS Code snippet syntax: `$`, `}` and `\` are special). */
const snippetText = (text: string) => text.replace(/[$}\\]/g, '\\$&');

/** Where new keys of a measure go: after its last line, with the indentation of its keys. */
function insertionPoint(m: Measure): { offset: number; indent: string } | undefined {
  const node = m.origin.node as { range?: [number, number, number]; items?: Array<{ key?: { range?: [number, number, number] } }> } | null;
  const firstKey = node?.items?.[0]?.key?.range;
  if (!node?.range || !firstKey) return undefined;
  const src = m.origin.source;
  const keyPos = src.range(firstKey[0], firstKey[0]).start;
  let end = src.baseOffset + node.range[1];
  const text = src.fullText;
  // Back up over trailing blank lines/comments that belong to the file, not the measure.
  while (end > 0 && /[ \t\r\n]/.test(text[end - 1])) end--;
  const lineEnd = text.indexOf('\n', end);
  return { offset: lineEnd < 0 ? text.length : lineEnd + 1, indent: ' '.repeat(keyPos.column - 1) };
}

function insertBlock(doc: vscode.TextDocument, m: Measure, lines: string[]): vscode.WorkspaceEdit | undefined {
  const at = insertionPoint(m);
  if (!at) return undefined;
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const pos = doc.positionAt(at.offset);
  const needsBreak = at.offset >= doc.getText().length && !doc.getText().endsWith('\n');
  const edit = new vscode.WorkspaceEdit();
  edit.set(doc.uri, [vscode.SnippetTextEdit.insert(pos, new vscode.SnippetString((needsBreak ? eol : '') + lines.map((l) => at.indent + l).join(eol) + eol))]);
  return edit;
}

/**
 * The waiver as snippet lines: the reason placeholder is selected for the author to overwrite.
 * Left as it is, the placeholder is no reason (rule waiver-reason): the finding stays.
 */
function waiverLines(m: Measure, rule: string, lang: 'de' | 'en'): string[] {
  const reason = lang === 'de' ? 'Begründung eintragen' : 'Enter the reason';
  const item = [`  - rule: ${snippetText(rule)}`, `    reason: "\${1:${reason}}"`];
  return m.waivers.length || m.data.waivers !== undefined ? item : ['waivers:', ...item];
}

function waiverEdit(doc: vscode.TextDocument, m: Measure, rule: string, lang: 'de' | 'en'): vscode.WorkspaceEdit | undefined {
  if (m.data.waivers === undefined) return insertBlock(doc, m, waiverLines(m, rule, lang));
  // Append to the existing list, right after its last item.
  const src = m.origin.source;
  const r = src.locate(['waivers'], 'value', m.origin.node);
  const keyCol = src.locate(['waivers'], 'key', m.origin.node).start.column;
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const text = doc.getText();
  let end = r.end.offset;
  while (end > 0 && /[ \t\r\n]/.test(text[end - 1])) end--;
  const lineEnd = text.indexOf('\n', end);
  const offset = lineEnd < 0 ? text.length : lineEnd + 1;
  const indent = ' '.repeat(keyCol - 1);
  const edit = new vscode.WorkspaceEdit();
  edit.set(doc.uri, [vscode.SnippetTextEdit.insert(doc.positionAt(offset), new vscode.SnippetString((lineEnd < 0 ? eol : '') + waiverLines(m, rule, lang).map((l) => indent + l).join(eol) + eol))]);
  return edit;
}

function findingsFor(root: StrategyRoot, rel: string, diagnostics: readonly vscode.Diagnostic[]): Finding[] {
  const all = root.result?.findings.filter((f) => f.file === rel) ?? [];
  return diagnostics.flatMap((d) => {
    const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
    return all.filter((f) => f.rule === code && toRange(f.range).isEqual(d.range) && f.message[root.result!.lang] === d.message);
  });
}

export class StrategyCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.Refactor, vscode.CodeActionKind.SourceFixAll.append('strategy')];

  constructor(private readonly roots: StrategyRoots) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    try {
      return this.actions(doc, range, context);
    } catch (e) {
      log.error('code actions failed:', e);
      return [];
    }
  }

  private actions(doc: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const root = this.roots.rootOf(doc.uri);
    const rel = root?.relative(doc.uri);
    if (!root || rel === undefined || !root.result) return [];
    const lang = root.result.lang;
    const actions: vscode.CodeAction[] = [];
    const safe = root.result.findings.filter((f) => f.file === rel && f.fixes?.some((x) => x.safe));

    if (context.only && vscode.CodeActionKind.SourceFixAll.contains(context.only)) {
      return safe.length ? [this.fixAll(doc, safe)] : [];
    }

    for (const f of findingsFor(root, rel, context.diagnostics)) {
      const diag = context.diagnostics.find((d) => d.range.isEqual(toRange(f.range)));
      // The core's fixes (strategy/fix.ts), the same `strategy lint --fix` applies: the safe one preferred.
      let preferred = false;
      for (const fix of coreFixes(f)) {
        const a = new vscode.CodeAction(fix.title[lang], vscode.CodeActionKind.QuickFix);
        a.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) a.edit.replace(doc.uri, toRange(e.range), e.newText);
        a.diagnostics = diag ? [diag] : undefined;
        if (fix.safe && !preferred) a.isPreferred = preferred = true;
        actions.push(a);
      }
      const m = f.measure ? root.result.model.measures.find((x) => x.id === f.measure && x.origin.file === rel) : undefined;
      if (!m) continue;
      for (const stub of STUBS) {
        if (!stub.rules.includes(f.rule) || m.data[stub.key] !== undefined) continue;
        const edit = insertBlock(doc, m, stub.lines);
        if (!edit) continue;
        const a = new vscode.CodeAction(vscode.l10n.t(stub.title), vscode.CodeActionKind.QuickFix);
        a.edit = edit;
        a.diagnostics = diag ? [diag] : undefined;
        actions.push(a);
      }
      const w = waiverEdit(doc, m, f.rule, lang);
      if (w && !m.waivers.some((x) => x.rule === f.rule)) {
        const a = new vscode.CodeAction(vscode.l10n.t('Add a waiver for "{0}" (with reason)', f.rule), vscode.CodeActionKind.QuickFix);
        a.edit = w;
        a.diagnostics = diag ? [diag] : undefined;
        actions.push(a);
      }
    }
    if (safe.length > 1 && context.diagnostics.length) actions.push(this.fixAll(doc, safe));
    // The rule's page, rendered (not the Markdown source in the extension's folder).
    for (const rule of new Set(findingsFor(root, rel, context.diagnostics).map((f) => f.rule))) {
      const a = new vscode.CodeAction(vscode.l10n.t('Show documentation for rule "{0}"', rule));
      a.command = { command: 'strategyRoadmap.showRuleDocs', title: a.title, arguments: [rule] };
      actions.push(a);
    }
    // Several diagnostics under the cursor may ask for the same block: offer it once.
    const seen = new Set<string>();
    const unique = actions.filter((a) => !seen.has(a.title) && seen.add(a.title));
    actions.length = 0;
    actions.push(...unique);

    // Refactor: add missing blocks to the measure under the cursor (not those already offered as a quick fix).
    const offered = new Set(actions.map((a) => a.title));
    const here = root.result.model.measures.find((m) => m.origin.file === rel && m.origin.node?.range && toRange(m.origin.source.range(m.origin.node.range[0], m.origin.node.range[1])).contains(range.start));
    if (here) {
      for (const stub of STUBS) {
        if (here.data[stub.key] !== undefined) continue;
        const edit = insertBlock(doc, here, stub.lines);
        if (!edit) continue;
        if (offered.has(vscode.l10n.t(stub.title))) continue;
        const a = new vscode.CodeAction(vscode.l10n.t(stub.title), vscode.CodeActionKind.Refactor);
        a.edit = edit;
        actions.push(a);
      }
    }
    return actions;
  }

  /** What `strategy lint --fix` does to this file in one pass: each finding's first safe fix, overlapping ones left for the next run. */
  private fixAll(doc: vscode.TextDocument, findings: Finding[]): vscode.CodeAction {
    const a = new vscode.CodeAction(vscode.l10n.t('Apply all safe fixes in this file'), vscode.CodeActionKind.SourceFixAll.append('strategy'));
    a.edit = new vscode.WorkspaceEdit();
    const fixes = findings.flatMap((f) => f.fixes?.find((x) => x.safe) ?? []);
    for (const fix of applyFixes(doc.getText(), fixes).applied) for (const e of fix.edits) a.edit.replace(doc.uri, toRange(e.range), e.newText);
    return a;
  }
}

/** A finding's fixes; a bare "did you mean" without fixes (none in the core today) as the unsafe replacement it stands for. */
function coreFixes(f: Finding): Fix[] {
  if (f.fixes?.length) return f.fixes;
  return f.suggestion ? [{ title: replaceTitle(f.suggestion), safe: false, edits: [{ range: f.range, newText: f.suggestion }] }] : [];
}

export function registerQuickFixes(roots: StrategyRoots): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(SELECTOR, new StrategyCodeActions(roots), { providedCodeActionKinds: StrategyCodeActions.kinds });
}
