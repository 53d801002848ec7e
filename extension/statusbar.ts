import * as vscode from 'vscode';
import type { StrategyRoots } from './roots';

/** Counts of all roots' findings; click opens the Problems panel. */
export function registerStatusBar(roots: StrategyRoots): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('strategyRoadmap.status', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Strategy findings');
  item.command = 'strategyRoadmap.showProblems';
  const refresh = () => {
    let errors = 0;
    let warnings = 0;
    let measures = 0;
    for (const r of roots.roots.values()) {
      for (const f of r.result?.findings ?? []) {
        if (f.severity === 'error') errors++;
        else if (f.severity === 'warning') warnings++;
      }
      measures += r.result?.model.measures.length ?? 0;
    }
    if (!roots.roots.size) {
      item.hide();
      return;
    }
    item.text = `$(map) ${vscode.l10n.t('Strategy')}: $(error) ${errors} $(warning) ${warnings}`;
    item.tooltip = vscode.l10n.t('{0} measures, {1} errors, {2} warnings – click to open Problems', measures, errors, warnings);
    item.show();
  };
  const sub = roots.onDidLint(refresh);
  refresh();
  return vscode.Disposable.from(item, sub);
}
