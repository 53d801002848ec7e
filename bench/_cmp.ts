import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { YamlSource as New } from '../strategy/parse/yaml';
import { YamlSource as Old } from './_old_yaml';
import { LineIndex } from '../strategy/text';
import { splitFrontMatter } from '../strategy/parse/markdown';
const files: string[] = [];
const walk = (d: string) => { for (const e of readdirSync(d)) { const p = join(d, e); if (statSync(p).isDirectory()) walk(p); else if (/\.(ya?ml|md)$/.test(e)) files.push(p); } };
for (const d of ['test/fixtures', 'examples', 'bench/repos/m100']) walk(d);
let checks = 0, diffs = 0;
const extra = ['nope', 0, 5, 'id', 'title', 'status', 'date', 1, 'rule'];
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  let yaml = text, base = 0;
  if (f.endsWith('.md')) { const s = splitFrontMatter(text); if (s.yaml === undefined) continue; yaml = s.yaml; base = s.yamlOffset; }
  const lines = new LineIndex(text);
  let a: Old, b: New;
  try { a = new Old(yaml, lines, base); } catch (e) { continue; }
  b = new New(yaml, lines, base);
  const paths: (string | number)[][] = [[]];
  const visit = (v: unknown, p: (string | number)[], depth: number) => {
    if (depth > 6 || paths.length > 400) return;
    if (Array.isArray(v)) v.forEach((x, i) => { paths.push([...p, i]); visit(x, [...p, i], depth + 1); });
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { paths.push([...p, k]); visit(x, [...p, k], depth + 1); }
    for (const e of extra) paths.push([...p, e]);
  };
  visit(a.value, [], 0);
  const J = JSON.stringify;
  const cmp = (what: string, x: unknown, y: unknown) => { checks++; if (J(x) !== J(y)) { diffs++; if (diffs < 10) console.log('DIFF', f, what, J(x), J(y)); } };
  cmp('problems', a.problems, b.problems); cmp('value', a.value, b.value); cmp('rootRange', a.rootRange(), b.rootRange());
  cmp('seqItems', a.sequenceItems().map((n: any) => n?.range), b.sequenceItems().map((n) => n?.range));
  const an = a.sequenceItems(); const bn = b.sequenceItems();
  const froms: Array<[any, any]> = [[a.root, b.root], [null, null], ...an.map((n, i) => [n, bn[i]] as [any, any])];
  for (const [fa, fb] of froms) for (const p of paths) for (const t of ['value', 'key'] as const) {
    cmp(`locate ${J(p)} ${t}`, a.locate(p, t, fa), b.locate(p, t, fb));
    if (t === 'value') { cmp(`src ${J(p)}`, a.sourceText(p, fa), b.sourceText(p, fb)); cmp(`raw ${J(p)}`, a.rawText(p, text, fa), b.rawText(p, text, fb)); }
  }
}
console.log(files.length, 'files', checks, 'checks', diffs, 'diffs');
