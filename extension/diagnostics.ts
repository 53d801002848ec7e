import * as vscode from 'vscode';
import { docsPath, type Finding } from '../strategy/index';
import type { StrategyRoot, StrategyRoots } from './roots';
import { toRange } from './convert';
import { uiLang } from './settings';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The finding a diagnostic was made from, for quick fixes. */
export const FINDING = new WeakMap<vscode.Diagnostic, Finding>();

export function toDiagnostic(root: StrategyRoot, f: Finding, extensionUri: vscode.Uri): vscode.Diagnostic {
  const lang = root.result?.lang ?? uiLang(root.uri);
  const d = new vscode.Diagnostic(toRange(f.range), f.message[lang], SEVERITY[f.severity]);
  d.source = 'strategy';
  d.code = { value: f.rule, target: vscode.Uri.joinPath(extensionUri, ...docsPath(f.rule).split('/')) };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(root.fileUri(r.file), toRange(r.range)), r.message[lang]));
  }
  FINDING.set(d, f);
  return d;
}

/** Publishes findings per file; after an edit only files whose findings changed are touched. */
export function registerDiagnostics(roots: StrategyRoots, extensionUri: vscode.Uri): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('strategy');
  const published = new Map<string, Set<string>>();
  const sub = roots.onDidLint(({ root, changed }) => {
    const key = root.uri.toString();
    const files = published.get(key) ?? new Set<string>();
    published.set(key, files);
    const alive = roots.roots.has(key);
    if (!changed || !alive) {
      for (const f of files) collection.delete(root.fileUri(f));
      files.clear();
      if (!alive) return;
      const byFile = new Map<string, Finding[]>();
      for (const f of root.result?.findings ?? []) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
      for (const [file, list] of byFile) {
        collection.set(root.fileUri(file), list.map((f) => toDiagnostic(root, f, extensionUri)));
        files.add(file);
      }
      return;
    }
    for (const [file, list] of changed) {
      if (list.length) {
        collection.set(root.fileUri(file), list.map((f) => toDiagnostic(root, f, extensionUri)));
        files.add(file);
      } else {
        collection.delete(root.fileUri(file));
        files.delete(file);
      }
    }
  });
  return vscode.Disposable.from(collection, sub);
}
