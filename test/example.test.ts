/**
 * examples/herne is the tool's default input and a living test: its README lists every finding the
 * repository is expected to produce (and every waived one), and this test holds that list against
 * the real lint output. A rule change that alters the example's findings must update the README.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root, Table } from 'mdast';
import { loadWorkspace } from '../cli/load';
import type { Finding } from '../strategy/index';
import type { LintResult } from '../strategy/workspace';

const ROOT = join(__dirname, '..', 'examples', 'herne');
const AS_OF = '2026-11-26';
const COLUMNS = ['file', 'line', 'rule', 'severity', 'measure'] as const;
type Row = Record<(typeof COLUMNS)[number], string>;

/** The rows of the one table between `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
function tableBetween(tree: Root, name: string): Row[] {
  const marker = (suffix: string) => tree.children.findIndex((n) => n.type === 'html' && n.value.trim() === `<!-- ${name}:${suffix} -->`);
  const start = marker('start');
  const end = marker('end');
  assert.ok(start >= 0 && end > start, `README.md: no <!-- ${name}:start --> … <!-- ${name}:end --> region`);
  const tables = tree.children.slice(start + 1, end).filter((n): n is Table => n.type === 'table');
  assert.equal(tables.length, 1, `README.md: expected exactly one table in the ${name} region`);
  const [head, ...rows] = tables[0].children;
  const headers = head.children.map((cell) => toString(cell).trim().toLowerCase());
  const index = COLUMNS.map((column) => {
    const i = headers.indexOf(column);
    assert.ok(i >= 0, `README.md: the ${name} table has no "${column}" column`);
    return i;
  });
  return rows.map((row) => Object.fromEntries(COLUMNS.map((column, k) => [column, toString(row.children[index[k]] ?? { type: 'text', value: '' }).trim()])) as Row);
}

/** One comparable line per finding; a missing measure is written `—` (or `-`) in the README. */
function rowKey(r: Row): string {
  const measure = r.measure === '' || r.measure === '—' || r.measure === '-' ? '-' : r.measure;
  return `${r.file}:${r.line} ${r.rule} ${r.severity} ${measure}`;
}

function findingKey(f: Finding): string {
  return `${f.file}:${f.range.start.line} ${f.rule} ${f.severity} ${f.measure ?? '-'}`;
}

describe('examples/herne (README lists the expected findings)', () => {
  let result: LintResult;
  let readme: Root;

  before(() => {
    result = loadWorkspace(ROOT).lint({ asOf: AS_OF });
    readme = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  });

  it('reports exactly the findings listed in the README', () => {
    const expected = tableBetween(readme, 'expected-findings').map(rowKey).sort();
    const actual = result.findings.map(findingKey).sort();
    assert.deepEqual(actual, expected);
  });

  it('waives exactly the findings listed in the README, each with a reason', () => {
    const expected = tableBetween(readme, 'expected-waived').map(rowKey).sort();
    const actual = result.waived.map(findingKey).sort();
    assert.deepEqual(actual, expected);
    for (const f of result.waived) assert.ok(f.waiver?.reason.trim(), `${findingKey(f)}: waiver without reason`);
  });

  it('is the realistic repository the issue asks for', () => {
    const { model } = result;
    const ai = model.measures.filter((m) => m.ai);
    assert.ok(model.measures.length >= 20, `only ${model.measures.length} measures`);
    assert.ok(ai.length >= 8, `only ${ai.length} AI initiatives`);

    const categories = new Set(ai.map((m) => m.ai!.category));
    for (const c of ['chatbot', 'text-recognition', 'decision-support', 'data-analysis']) assert.ok(categories.has(c as never), `no AI initiative of category ${c}`);
    const aiStatuses = new Set(ai.map((m) => m.status));
    for (const s of ['idea', 'planned', 'pilot', 'active', 'completed']) assert.ok(aiStatuses.has(s as never), `no AI initiative with status ${s}`);
    assert.ok(
      ai.some((m) => m.ai!.risk === 'high' && m.ai!.annex_iii && m.ai!.human_oversight && m.ai!.fria),
      'no high-risk (Annex III) initiative with human oversight and FRIA',
    );

    const partnerKinds = new Set(model.partners.map((p) => p.kind));
    for (const k of ['university', 'research', 'start-up', 'company', 'municipality', 'public-agency', 'association']) assert.ok(partnerKinds.has(k as never), `no partner of kind ${k}`);

    const providers = new Set(model.programmes.map((p) => p.provider));
    for (const p of ['federal', 'state', 'eu']) assert.ok(providers.has(p as never), `no ${p} programme`);
    const funding = model.measures.flatMap((m) => m.funding);
    assert.ok(funding.some((f) => f.source === 'own'), 'no funding from the city budget (own)');
    const fundingStatuses = new Set(funding.map((f) => f.status));
    for (const s of ['candidate', 'planned', 'applied', 'granted', 'rejected']) assert.ok(fundingStatuses.has(s as never), `no funding entry with status ${s}`);

    const waivers = model.measures.flatMap((m) => m.waivers);
    assert.equal(waivers.length, 1, 'the example has exactly one waiver');
    assert.ok(waivers[0].reason.trim(), 'the waiver has a reason');

    const perFile = new Map<string, number>();
    for (const m of model.measures) perFile.set(m.origin.file, (perFile.get(m.origin.file) ?? 0) + 1);
    assert.ok([...perFile].some(([file, n]) => /\.ya?ml$/.test(file) && n > 1), 'no YAML file holding several measures');
    assert.ok([...perFile.keys()].some((file) => file.endsWith('.md')), 'no Markdown measure');
  });
});
