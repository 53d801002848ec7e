// The subset parser (strategy/parse/yaml-subset.ts) against the yaml package on the YAML of every
// file of a generated repository (front matter of Markdown files), in one process, files already in
// memory, last of 3 rounds: its value alone, its value plus the node index (what a file with a
// finding costs), and the yaml package's parseDocument (BENCHMARKS.md, "The YAML subset parser").
// Usage: npx tsx bench/yaml-subset-speed.ts bench/repos/m5000
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlSubset, indexYamlSubset } from '../strategy/parse/yaml-subset';
import { parseDocument } from 'yaml';
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const texts: string[] = [];
for (const e of readdirSync(process.argv[2], { recursive: true, withFileTypes: true })) {
  if (!e.isFile() || !/\.(md|ya?ml)$/.test(e.name)) continue;
  const t = readFileSync(join((e as { parentPath?: string; path: string }).parentPath ?? (e as { path: string }).path, e.name), 'utf8');
  const y = e.name.endsWith('.md') ? FRONT_MATTER.exec(t)?.[1] : t; if (y !== undefined) texts.push(y);
}
for (let r = 0; r < 3; r++) {
  let s = performance.now(); let ok = 0; for (const y of texts) if (parseYamlSubset(y)) ok++; const a = performance.now() - s;
  s = performance.now(); for (const y of texts) { try { indexYamlSubset(y); } catch {} } const b = performance.now() - s;
  s = performance.now(); for (const y of texts) parseDocument(y); const c = performance.now() - s;
  if (r === 2) console.log(`subset value ${a.toFixed(0)} ms (${ok}/${texts.length} accepted), subset + node index ${b.toFixed(0)} ms, yaml parseDocument ${c.toFixed(0)} ms`);
}
