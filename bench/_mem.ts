import { loadWorkspace } from '../cli/load';
const g = (globalThis as any).gc;
const mb = () => { g(); const m = process.memoryUsage(); return `${(m.heapUsed / 1048576).toFixed(1)}MB heap, ab ${(m.arrayBuffers / 1048576).toFixed(1)}, rss ${(m.rss / 1048576).toFixed(0)}`; };
console.log('start', mb());
const ws = loadWorkspace(process.argv[2]);
console.log('loaded', mb());
const r = ws.lint({ asOf: '2026-06-01' });
console.log('linted', mb(), r.findings.length);
const parsed = (ws as any).parsed as Map<string, any>;
(ws as any).entries = new WeakMap(); (ws as any).last = undefined;
console.log('entries dropped', mb());
for (const pf of parsed.values()) for (const m of pf.measures) { (m.origin.source as any).index = null; m.origin.node = null; }
console.log('index dropped', mb());
for (const pf of parsed.values()) for (const m of pf.measures) { m.data = null; }
console.log('data dropped', mb());
for (const pf of parsed.values()) { pf.lines = null; pf.text = null; for (const m of pf.measures) { m.origin.source = null; m.body = null; } }
console.log('text dropped', mb());
(ws as any).contents.clear();
console.log('contents dropped', mb());
for (const pf of parsed.values()) pf.measures = [];
console.log('measures dropped', mb());
console.log(process.resourceUsage().maxRSS / 1024, 'MB maxRSS');
