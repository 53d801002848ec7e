// Prints the top self-time functions of a V8 CPU profile (from `node --cpu-prof`).
// Usage: node bench/profile-top.mjs FILE.cpuprofile [count=20]
import { readFileSync } from 'node:fs';

export function topSelfTime(profile, count = 20) {
  const { nodes, samples, timeDeltas } = profile;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const dt = timeDeltas[i] ?? 0;
    total += dt;
    const n = byId.get(samples[i]);
    const cf = n.callFrame;
    const file = (cf.url || '').replace(/^file:\/\//, '').replace(/.*\/node_modules\//, '').replace(/.*\/(strategy|cli|bench)\//, '$1/');
    const key = `${cf.functionName || '(anonymous)'}  ${file}${file ? `:${cf.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, count);
  return { totalMs: total / 1000, rows: rows.map(([fn, us]) => ({ fn, ms: us / 1000, share: us / total })) };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const { totalMs, rows } = topSelfTime(JSON.parse(readFileSync(process.argv[2], 'utf8')), Number(process.argv[3] ?? 20));
  console.log(`total ${totalMs.toFixed(0)} ms`);
  for (const r of rows) console.log(`${r.ms.toFixed(1).padStart(9)} ms ${(r.share * 100).toFixed(1).padStart(5)} %  ${r.fn}`);
}
