// Which YAML parser could bring the lint under its time and memory targets (BENCHMARKS.md, "The
// parse floor and the YAML parser")? Parses the YAML of every file of a generated repository
// (front matter of Markdown files) with each candidate, 3 rounds, and prints the last round.
// `--only NAME` runs one candidate, so that its peak memory can be taken alone
// (`/usr/bin/time -f %M node bench/yaml-parsers.mjs bench/repos/m5000 --only js-yaml`).
// Usage: node bench/yaml-parsers.mjs ROOT [--only yaml|yaml-document|yaml-cst|js-yaml|js-yaml-positions]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse, parseDocument, Parser } from 'yaml';
import jsyaml from 'js-yaml';

const root = process.argv[2];
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const texts = [];
for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(md|ya?ml)$/.test(entry.name)) continue;
  const text = readFileSync(join(entry.parentPath ?? entry.path, entry.name), 'utf8');
  const yaml = entry.name.endsWith('.md') ? FRONT_MATTER.exec(text)?.[1] : text;
  if (yaml !== undefined) texts.push(yaml);
}
// js-yaml with the core schema: dates stay strings, as with the yaml package's default.
const core = { schema: jsyaml.CORE_SCHEMA };
const candidates = {
  yaml: (y) => parse(y),
  'yaml-document': (y) => parseDocument(y),
  'yaml-cst': (y) => {
    for (const token of new Parser().parse(y)) void token;
  },
  'js-yaml': (y) => jsyaml.load(y, core),
  // A listener sees each node's start and end offset: what rules need for their ranges.
  'js-yaml-positions': (y) => {
    const ends = [];
    jsyaml.load(y, { ...core, listener: (event, state) => event === 'close' && ends.push(state.position) });
  },
};
for (let round = 0; round < 3; round++)
  for (const [name, run] of Object.entries(candidates)) {
    if (only && name !== only) continue;
    const start = performance.now();
    for (const y of texts) run(y);
    if (round === 2) console.log(`${name.padEnd(20)} ${(performance.now() - start).toFixed(0).padStart(6)} ms  (${texts.length} files)`);
  }
