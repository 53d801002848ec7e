import * as vscode from 'vscode';
import { cleanFilter } from './diagrams';
import type { StrategyRoots } from './roots';
import type { TreeFilter } from './tree';

function fieldTitle(roots: StrategyRoots, id: string): string {
  for (const r of roots.roots.values()) {
    const f = r.result?.model.fieldById.get(id);
    if (f) return f.title;
  }
  return id;
}

/** The active filter in a few words, shown beside the view's title ("" when it shows everything). */
export function filterSummary(roots: StrategyRoots, f: TreeFilter): string {
  const period = f.from || f.to ? `${f.from ?? '…'} – ${f.to ?? '…'}` : '';
  return [f.field ? fieldTitle(roots, f.field) : '', period, f.aiOnly ? vscode.l10n.t('AI only') : '', f.problems ? vscode.l10n.t('with problems') : ''].filter(Boolean).join(' · ');
}

/** A period bound as the roadmap takes it (strategy dates: 2026, 2026-Q3, 2026-07, 2026-07-15). */
const periodProblem = (v: string) => (!v.trim() || cleanFilter({ from: v }).from ? undefined : vscode.l10n.t('Not a strategy date: 2026, 2026-Q3, 2026-07 or 2026-07-15'));

/**
 * "Filter Strategy View": one quick pick with the parts of the filter – field of action, period,
 * AI only, with problems – each changed on its own; the others stay.
 */
export async function pickTreeFilter(roots: StrategyRoots, current: TreeFilter, apply: (f: TreeFilter) => void): Promise<void> {
  const onOff = (on: boolean | undefined) => (on ? vscode.l10n.t('on') : vscode.l10n.t('off'));
  type Item = vscode.QuickPickItem & { part: 'field' | 'period' | 'ai' | 'problems' | 'clear' };
  const items: Item[] = [
    { label: `$(symbol-namespace) ${vscode.l10n.t('Field of action')}`, description: current.field ? fieldTitle(roots, current.field) : vscode.l10n.t('all'), part: 'field' },
    { label: `$(calendar) ${vscode.l10n.t('Period')}`, description: current.from || current.to ? `${current.from ?? '…'} – ${current.to ?? '…'}` : vscode.l10n.t('any'), part: 'period' },
    { label: `$(sparkle) ${vscode.l10n.t('AI initiatives only')}`, description: onOff(current.aiOnly), part: 'ai' },
    { label: `$(warning) ${vscode.l10n.t('Measures with problems')}`, description: onOff(current.problems), part: 'problems' },
    { label: `$(clear-all) ${vscode.l10n.t('All measures')}`, part: 'clear' },
  ];
  const pick = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Show in the Strategy view') });
  if (!pick) return;
  switch (pick.part) {
    case 'clear':
      return apply({});
    case 'ai':
      return apply({ ...current, aiOnly: !current.aiOnly });
    case 'problems':
      return apply({ ...current, problems: !current.problems });
    case 'field': {
      const fields = [...roots.roots.values()].flatMap((r) => r.result?.model.fields ?? []);
      const choice = await vscode.window.showQuickPick(
        [{ label: vscode.l10n.t('All fields of action'), id: undefined as string | undefined }, ...fields.map((f) => ({ label: f.title, description: f.id, id: f.id as string | undefined }))],
        { placeHolder: vscode.l10n.t('Field of action') },
      );
      if (choice) apply({ ...current, field: choice.id });
      return;
    }
    case 'period': {
      const from = await vscode.window.showInputBox({ prompt: vscode.l10n.t('From (empty: open)'), placeHolder: '2026, 2026-Q3, 2026-07', value: current.from ?? '', validateInput: periodProblem });
      if (from === undefined) return;
      const to = await vscode.window.showInputBox({ prompt: vscode.l10n.t('To (empty: open)'), placeHolder: '2027, 2027-Q4, 2027-12', value: current.to ?? '', validateInput: periodProblem });
      if (to === undefined) return;
      apply({ ...current, from: from.trim() || undefined, to: to.trim() || undefined });
      return;
    }
  }
}
