import { loadWorkspace } from '../cli/load';
import { ALL_RULES } from '../strategy/rules/index';
import { locateReport, changedFiles, sortFindings } from '../strategy/workspace';
import { dependencyGraph, DependencyGraph } from '../strategy/graph';
const ws = loadWorkspace(process.argv[2]);
let prev = ws.lint({ asOf: '2026-06-01' });
const t = (label: string, fn: () => unknown, n = 20) => { fn(); fn(); const s = performance.now(); for (let i = 0; i < n; i++) fn(); console.log(label.padEnd(34), ((performance.now() - s) / n).toFixed(2), 'ms'); };
const model = ws.model();
t('model()', () => ws.model());
t('graph', () => new DependencyGraph(model.measures));
const settings = { asOf: '2026-06-01', deadlineDays: 60 };
for (const rule of ALL_RULES.filter((r) => r.scope === 'repository')) {
  t(`rule ${rule.id}`, () => { const m = { ...model }; const out: any[] = []; (rule as any).check({ model: m, settings, report: (r: any) => out.push(locateReport(rule, r)) }); });
}
t('lint() warm', () => ws.lint({ asOf: '2026-06-01' }), 10);
const r2 = ws.lint({ asOf: '2026-06-01' });
t('changedFiles', () => changedFiles(prev, r2));
t('sortFindings', () => sortFindings([...r2.findings]));
console.log('findings', r2.findings.length);
