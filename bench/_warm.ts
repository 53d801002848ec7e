import { loadWorkspace } from '../cli/load';
const ws = loadWorkspace(process.argv[2]);
ws.lint({ asOf: '2026-06-01' });
const s = performance.now();
for (let i = 0; i < 20; i++) ws.lint({ asOf: '2026-06-01' });
console.log('warm lint', (performance.now() - s) / 20);
