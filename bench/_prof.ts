import { loadWorkspace } from '../cli/load';
const root = process.argv[2];
let t = performance.now();
const ws = loadWorkspace(root);
console.log('load', performance.now() - t);
t = performance.now();
const r = ws.lint({ asOf: '2026-06-01' });
console.log('lint', performance.now() - t, r.findings.length);
