import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertOneLineError, buildCli, PROJECT, strategy, tempDir } from './lifecycle-helpers';
import { STANDARD_V1 } from '../strategy/register/standard';

const FIXTURES = join(__dirname, 'fixtures', 'algoritmeregister');
const SAMPLE = join(FIXTURES, 'records-sample.json');
type Rec = Record<string, unknown>;
const RECORDS = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Rec[];
const OFFICIAL = JSON.parse(readFileSync(join(FIXTURES, 'standard-v1_0.json'), 'utf8')).properties as Record<string, Rec>;

const empty = (v: unknown) => v === null || v === undefined || v === '';
const len = (s: string) => [...s].length;

/**
 * An independent check of a record against the official field definitions (standard-v1_0.json):
 * required fields, maximum lengths, allowed values, and the same for the items of link lists.
 */
function officialViolations(r: Rec): string[] {
  const out: string[] = [];
  for (const [field, def] of Object.entries(OFFICIAL)) {
    const v = r[field];
    if (empty(v)) {
      if (def.required === true) out.push(`${field}: missing`);
      continue;
    }
    if (typeof def.max_length === 'number' && typeof v === 'string' && len(v) > def.max_length) out.push(`${field}: too long`);
    const permitted = def.permitted_values as string[] | undefined;
    if (permitted) for (const x of Array.isArray(v) ? v : [v]) if (!permitted.includes(x as string)) out.push(`${field}: not allowed "${String(x)}"`);
    if (def.type === 'array' && !Array.isArray(v)) out.push(`${field}: not a list`);
    const items = def.items as Record<string, Rec> | undefined;
    if (items && Array.isArray(v))
      for (const item of v as Rec[])
        for (const [k, c] of Object.entries(items)) {
          if (empty(item[k])) {
            if (c.required === true) out.push(`${field}.${k}: missing`);
          } else if (typeof c.max_length === 'number' && len(String(item[k])) > c.max_length) out.push(`${field}.${k}: too long`);
        }
  }
  return out;
}

describe('Algoritmeregister: import, lint, export (strategy import / export --format algoritmeregister)', function () {
  this.timeout(120_000);
  let dir: string;
  let exported: Rec[];
  let missingReport: string;

  before(() => {
    buildCli();
    dir = join(tempDir(), 'register');
    const imp = strategy(['import', 'algoritmeregister', SAMPLE, '--into', dir]);
    assert.equal(imp.status, 0, imp.stderr);
    const exp = strategy(['export', '--format', 'algoritmeregister', '--root', dir]);
    assert.equal(exp.status, 0, exp.stderr);
    // Measures are read in file order: put the records back in the order of the source (by `lars`).
    const byLars = new Map((JSON.parse(exp.stdout) as Rec[]).map((r) => [r.lars, r]));
    exported = RECORDS.map((r) => byLars.get(r.lars)!);
    missingReport = exp.stderr;
  });

  it('our table of standard v1.0 matches the official field definitions', () => {
    assert.deepEqual(Object.keys(STANDARD_V1).sort(), Object.keys(OFFICIAL).sort());
    for (const [field, def] of Object.entries(OFFICIAL)) {
      const ours = STANDARD_V1[field];
      assert.equal(Boolean(ours.required), def.required === true, `${field}: required`);
      assert.equal(ours.maxLength, def.max_length, `${field}: max length`);
      assert.deepEqual(ours.permitted ?? undefined, def.permitted_values ?? undefined, `${field}: allowed values`);
    }
  });

  it('imports all 35 records into a new register repository, one file each', () => {
    assert.match(readFileSync(join(dir, 'strategy.yaml'), 'utf8'), /profile: register/);
    assert.equal(new Set(RECORDS.map((r) => r.lars)).size, 35, 'every sample record has its own lars');
    assert.ok(exported.every(Boolean));
  });

  it('lints the import without schema errors and without strategy-only findings', () => {
    const r = strategy(['lint', '--root', dir, '--format', 'json', '--as-of', '2026-11-26']);
    const findings = (JSON.parse(r.stdout) as { findings: { rule: string }[] }).findings;
    const rules = new Set(findings.map((f) => f.rule));
    for (const rule of ['schema', 'yaml-syntax', 'funding-missing', 'not-anchored', 'owner-missing', 'outside-horizon', 'privacy-review-missing', 'ethics-review-missing']) assert.ok(!rules.has(rule), `${rule} reported`);
    // Real gaps of the records are reported: the duplicate registration and the placeholders.
    assert.ok(rules.has('register-duplicate'));
    assert.ok(rules.has('register-placeholder'));
    // The AI Act does not reach the rule-based algorithms (20 of the 35).
    const aiAct = findings.filter((f) => f.rule.startsWith('ai-'));
    assert.ok(aiAct.length <= 20, `${aiAct.length} AI Act findings`);
  });

  it('import then export gives back every value: in its v1.0 field, or under x-algoritmeregister', () => {
    RECORDS.forEach((orig, i) => {
      const e = exported[i];
      const x = (e['x-algoritmeregister'] ?? {}) as Rec;
      for (const [field, value] of Object.entries(orig)) {
        if (empty(value)) continue;
        const found = JSON.stringify(e[field]) === JSON.stringify(value) || JSON.stringify(x[field]) === JSON.stringify(value);
        assert.ok(found, `record ${i + 1} (${String(orig.name)}): ${field} = ${JSON.stringify(value).slice(0, 80)} not found in the export`);
      }
    });
  });

  it('exports to standard v1.0 with no violation except data the source does not have', () => {
    exported.forEach((e, i) => {
      const orig = RECORDS[i];
      for (const v of officialViolations(e)) {
        const field = v.split(/[.:]/)[0];
        if (v.endsWith(': missing')) {
          // Missing only where the source has no such data (older standards lack publication_category, …).
          assert.ok(empty(orig[field]) || field === 'publication_category', `record ${i + 1}: ${v} although the source has ${JSON.stringify(orig[field])}`);
        } else if (v.endsWith(': too long')) {
          assert.ok(typeof orig[field] === 'string' && len(orig[field] as string) > (OFFICIAL[field].max_length as number), `record ${i + 1}: ${v} but the source value fits`);
        } else assert.fail(`record ${i + 1}: ${v}`);
      }
    });
  });

  it('says what is missing, per measure, on stderr', () => {
    assert.match(missingReport, /measures\/algoritmeregister\/\S+\.yaml \S+: publication_category: missing/);
    assert.match(missingReport, /35 entries exported, \d+ of them incomplete/);
  });

  it('marks guesses in the file and keeps unknown fields', () => {
    const file = readFileSync(join(dir, 'measures', 'algoritmeregister', 'scanauto.yaml'), 'utf8');
    assert.match(file, /x-import:\n {2}from: algoritmeregister\n {2}guesses:/);
    assert.match(file, /owner: gemeente-eindhoven/);
  });

  it('never overwrites: a second import into the same repository adds files under new ids', () => {
    const before = readFileSync(join(dir, 'measures', 'algoritmeregister', 'scanauto.yaml'), 'utf8');
    const again = strategy(['import', 'algoritmeregister', SAMPLE, '--into', dir]);
    // The second import gets new ids (SCANAUTO-2 …) because the first ones are taken.
    assert.equal(again.status, 0, again.stderr);
    assert.ok(existsSync(join(dir, 'measures', 'algoritmeregister', 'scanauto-2.yaml')));
    assert.equal(readFileSync(join(dir, 'measures', 'algoritmeregister', 'scanauto.yaml'), 'utf8'), before);
  });

  it('writes nothing outside the target through a linked measures folder', () => {
    const base = tempDir();
    const target = join(base, 'repo');
    const outside = join(base, 'outside');
    mkdirSync(join(target, 'measures'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(target, 'strategy.yaml'), 'schema: 1\ntitle: T\norganisation: O\n');
    symlinkSync(outside, join(target, 'measures', 'algoritmeregister'));
    const r = strategy(['import', 'algoritmeregister', SAMPLE, '--into', target]);
    assert.equal(r.status, 2);
    assertOneLineError(r.stderr);
    assert.ok(!existsSync(join(outside, 'scanauto.yaml')));
    rmSync(base, { recursive: true, force: true });
  });

  it('bad input: one line with file and position', () => {
    const base = tempDir();
    const bad = join(base, 'bad.json');
    writeFileSync(bad, '[\n  {"name": "x",}\n]');
    const r = strategy(['import', 'algoritmeregister', bad, '--into', join(base, 'new')]);
    const en = strategy(['import', 'algoritmeregister', bad, '--into', join(base, 'new'), '--lang', 'en']);
    assert.match(en.stderr, /bad\.json:2:\d+: not valid JSON/);
    assert.equal(r.status, 2);
    assertOneLineError(r.stderr);
    assert.match(r.stderr, /bad\.json:2:\d+: kein gültiges JSON/);
    assert.ok(!existsSync(join(base, 'new')));
  });

  it('examples/herne: the register entry exports with zero violations; the EU database export names what is missing', () => {
    const herne = join(PROJECT, 'examples', 'herne');
    const r = strategy(['export', '--format', 'algoritmeregister', '--root', herne, '--as-of', '2026-11-26']);
    const records = JSON.parse(r.stdout) as Rec[];
    const wohngeld = records.find((x) => x.name === 'KI-Entscheidungsunterstützung im Wohngeld' || (x.lars as string) === 'HER-KI-007');
    assert.ok(wohngeld, r.stdout.slice(0, 500));
    assert.deepEqual(officialViolations(wohngeld), []);
    assert.equal(wohngeld.publication_category, 'Hoog-risico AI-systeem');
    const eu = strategy(['export', '--format', 'eu-database', '--root', herne, '--as-of', '2026-11-26']);
    const entries = JSON.parse(eu.stdout) as { measure: string; missing: { point: string }[]; registration: Rec }[];
    const entry = entries.find((x) => x.measure === 'KI-WOHNGELD')!;
    assert.deepEqual(entry.missing.map((m) => m.point), ['4']);
    assert.match(String(entry.registration.dpiaSummary), /Antragsdaten/);
    assert.match(eu.stderr, /KI-WOHNGELD: Annex VIII Section C point 4|KI-WOHNGELD: Anhang VIII Abschnitt C Nr\. 4/);
  });
});

describe('Algoritmeregister standard 1.0 records (made from the examples of the official field definitions)', function () {
  this.timeout(60_000);
  const V1 = join(FIXTURES, 'records-v1_0.json');
  const records = JSON.parse(readFileSync(V1, 'utf8')) as Rec[];

  it('import then export gives back exactly the same record, with zero violations', () => {
    buildCli();
    const dir = join(tempDir(), 'v1');
    assert.equal(strategy(['import', 'algoritmeregister', V1, '--into', dir]).status, 0);
    // As of April 2023: the example record is „In gebruik“ with end_date 2023-05; after May the
    // export would say „Buiten gebruik“ (a retired system is out of use whatever its status).
    const exp = strategy(['export', '--format', 'algoritmeregister', '--root', dir, '--as-of', '2023-04-01']);
    const byLars = new Map((JSON.parse(exp.stdout) as Rec[]).map((r) => [r.lars, r]));
    for (const orig of records) {
      const e = byLars.get(orig.lars)!;
      assert.deepEqual(officialViolations(e), [], String(orig.name));
      const { ['x-algoritmeregister']: extra, ...fields } = e;
      assert.equal(extra, undefined, `${String(orig.name)}: nothing outside the standard`);
      assert.deepEqual(fields, orig);
    }
    assert.match(exp.stderr, /2 entries exported, 0 of them incomplete/);
  });

  it('a high-risk record becomes an AI system with risk high; the rule-based one is outside the AI Act', () => {
    const dir = join(tempDir(), 'v1b');
    assert.equal(strategy(['import', 'algoritmeregister', V1, '--into', dir]).status, 0);
    const high = readFileSync(join(dir, 'measures', 'algoritmeregister', 'risicomodel-bijstand.yaml'), 'utf8');
    assert.match(high, /risk: high/);
    assert.match(high, /kind: fria/);
  });
});
