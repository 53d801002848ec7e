import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, isMap, isSeq, isScalar, isPair } from 'yaml';
const root = process.argv[2];
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const keep = [];
const mode = process.argv[3];
function compact(n) {
  if (isMap(n)) return { range: n.range, items: n.items.map((p) => ({ key: compact(p.key), value: compact(p.value) })) };
  if (isSeq(n)) return { range: n.range, items: n.items.map(compact) };
  if (isScalar(n)) return { range: n.range, value: typeof n.value === 'string' ? n.value : String(n.value) };
  return null;
}
// flat: Int32Array [kind, start, end, count, ...children...] per node
function flat(n, out, keys) {
  const at = out.length;
  if (isMap(n)) { out.push(1, n.range[0], n.range[1], n.items.length); const slots = out.length; for (const p of n.items) out.push(0, 0); n.items.forEach((p, i) => { out[slots + 2*i] = flat(p.key, out, keys); out[slots + 2*i + 1] = p.value ? flat(p.value, out, keys) : -1; }); }
  else if (isSeq(n)) { out.push(2, n.range[0], n.range[1], n.items.length); const slots = out.length; for (const p of n.items) out.push(0); n.items.forEach((p, i) => { out[slots + i] = flat(p, out, keys); }); }
  else if (isScalar(n)) { out.push(3, n.range[0], n.range[1], keys.length); keys.push(String(n.value)); }
  else out.push(0, 0, 0, 0);
  return at;
}
for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(md|ya?ml)$/.test(entry.name)) continue;
  const text = readFileSync(join(entry.parentPath ?? entry.path, entry.name), 'utf8');
  const yaml = entry.name.endsWith('.md') ? FRONT_MATTER.exec(text)?.[1] : text;
  if (yaml === undefined) continue;
  const doc = parseDocument(yaml);
  const value = doc.toJS();
  if (mode === 'compact') keep.push([text, value, compact(doc.contents)]);
  else if (mode === 'flat') { const out = []; const keys = []; flat(doc.contents, out, keys); keep.push([text, value, Int32Array.from(out), keys]); }
  else if (mode === 'doc') keep.push([text, value, doc]);
  else keep.push([text, value]);
}
