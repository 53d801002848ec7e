import { parseDocument, isMap, isSeq, isScalar } from 'yaml';
const text = process.argv[2].replace(/\\n/g, '\n');
const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true });
const show = (n, ind = '') => {
  if (!n) return console.log(ind + 'null');
  const r = n.range; const s = (a, b) => JSON.stringify(text.slice(a, b));
  console.log(`${ind}${isMap(n) ? 'MAP' : isSeq(n) ? 'SEQ' : isScalar(n) ? 'SCALAR ' + JSON.stringify(n.value) + ' ' + n.type : n.constructor.name} [${r}] ${s(r[0], r[1])} tail=${s(r[1], r[2])}`);
  if (isMap(n)) for (const p of n.items) { show(p.key, ind + '  k '); show(p.value, ind + '  v '); }
  if (isSeq(n)) for (const p of n.items) show(p, ind + '  - ');
};
show(doc.contents); console.log(doc.errors.map(e => e.code), doc.warnings.map(e => e.code));
