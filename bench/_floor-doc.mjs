// The floor: the least any linter of these repositories must do. Reads every YAML and Markdown
// file and parses its YAML (the front matter of Markdown files) with the `yaml` package –
// no ranges kept, no schema, no rules, no output.
// Usage: node bench/floor.mjs ROOT
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from "yaml";

const root = process.argv[2];
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
let files = 0;
for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(md|ya?ml)$/.test(entry.name)) continue;
  const text = readFileSync(join(entry.parentPath ?? entry.path, entry.name), 'utf8');
  const yaml = entry.name.endsWith('.md') ? FRONT_MATTER.exec(text)?.[1] : text;
  if (yaml === undefined) continue;
  parseDocument(yaml).toJS();
  files++;
}
if (process.argv.includes('--verbose')) console.log(`${files} files`);
