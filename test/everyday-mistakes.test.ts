// Everyday mistakes of a strategy author, as a user makes them: `strategy init`, one mistake in
// the files it wrote, `strategy lint`. Each mistake gives exactly one clear finding at the mistake
// (no cascade of findings that follow from a misparse); `lint --fix` repairs the safe ones.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, symlinkSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli, strategy, tempDir, snapshot } from './lifecycle-helpers';

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

function initRepo(): string {
  const root = join(tempDir(), 'strategie');
  const r = strategy(['init', root]);
  assert.equal(r.status, 0, r.stderr);
  return root;
}

/** Replaces `from` (which must occur once) in a file of the repository. */
function edit(root: string, file: string, from: string | RegExp, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  assert.notEqual(next, text, `${file}: ${from} not found`);
  writeFileSync(path, next);
}

function lint(root: string, lang: 'de' | 'en' = 'de', extra: string[] = []): { status: number | null; findings: JsonFinding[]; stderr: string } {
  const r = strategy(['lint', '--root', root, '--format', 'json', '--lang', lang, ...extra]);
  assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
  return { status: r.status, findings: (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings, stderr: r.stderr };
}

const where = (f: JsonFinding) => `${f.rule} ${f.severity} ${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;

describe('everyday mistakes: one clear finding each, no cascades (strategy init, one mistake, strategy lint)', function () {
  this.timeout(120_000);
  before(buildCli);

  it('a fresh init repository lints clean', () => {
    const root = initRepo();
    assert.deepEqual(lint(root).findings.map(where), []);
  });

  it('an unquoted colon in a value: one finding at the value, saying to quote it; --fix quotes it', () => {
    const root = initRepo();
    edit(root, 'measures/open-data-portal.md', 'title: Open-Data-Portal der Stadt\n', 'title: KI: Übersetzung\n');
    const de = lint(root, 'de');
    assert.deepEqual(de.findings.map(where), ['yaml-syntax error measures/open-data-portal.md:4:8-4:23']);
    assert.match(de.findings[0].message, /Anführungszeichen.*"KI: Übersetzung"/);
    assert.doesNotMatch(de.findings[0].message, /mapping|Nested/i, 'no English parser text in German');
    assert.match(lint(root, 'en').findings[0].message, /quotes.*"KI: Übersetzung"/);
    const fixed = strategy(['lint', '--root', root, '--fix']);
    assert.equal(fixed.status, 0, fixed.stdout + fixed.stderr);
    assert.match(readFileSync(join(root, 'measures/open-data-portal.md'), 'utf8'), /\ntitle: "KI: Übersetzung"\n/);
  });

  it('a tab in strategy.yaml: one finding at the tab, the rest of the repository is read as meant', () => {
    const root = initRepo();
    edit(root, 'strategy.yaml', '    title: Digitale Verwaltung\n', '\ttitle: Digitale Verwaltung\n');
    const { findings } = lint(root);
    assert.deepEqual(findings.map(where), ['yaml-syntax error strategy.yaml:21:1-21:2']);
    assert.match(findings[0].message, /Tabulator/);
  });

  it('a tab in a measure: one finding at the tab, no unknown key', () => {
    const root = initRepo();
    edit(root, 'measures/open-data-portal.md', '  personal_data: false\n', '\tpersonal_data: false\n');
    assert.deepEqual(lint(root).findings.map(where), ['yaml-syntax error measures/open-data-portal.md:19:1-19:2']);
  });

  it('an id with umlauts: says A–Z only and suggests the transliteration', () => {
    const root = initRepo();
    edit(root, 'measures/ki-assistent.md', 'id: KI-ASSISTENT\n', 'id: KI-BÜRGERBÜRO\n');
    const de = lint(root, 'de').findings;
    assert.deepEqual(de.map(where), ['schema error measures/ki-assistent.md:5:5-5:18']);
    assert.match(de[0].message, /A–Z.*KI-BUERGERBUERO/);
    assert.match(lint(root, 'en').findings[0].message, /A–Z.*KI-BUERGERBUERO/);
    // A new id has effects elsewhere: offered in the editor, not applied by --fix.
    const fixed = strategy(['lint', '--root', root, '--fix']);
    assert.equal(fixed.status, 1);
    assert.match(fixed.stderr, /1 Befund\(e\) mit nur unsicheren Korrekturen/);
    assert.match(readFileSync(join(root, 'measures/ki-assistent.md'), 'utf8'), /id: KI-BÜRGERBÜRO/);
  });

  it('German and unpadded dates: the finding names the date to write; --fix writes it', () => {
    const root = initRepo();
    edit(root, 'measures/ki-assistent.md', 'start: 2027-Q2\n', 'start: 15.04.2027\n');
    edit(root, 'measures/ki-assistent.md', 'end: 2028-Q4\n', 'end: 2028-9\n');
    const { findings } = lint(root, 'en');
    assert.deepEqual(findings.map(where), ['schema error measures/ki-assistent.md:11:8-11:18', 'schema error measures/ki-assistent.md:12:6-12:12']);
    assert.match(findings[0].message, /write 2027-04-15$/);
    assert.match(findings[1].message, /write 2028-09$/);
    const dry = strategy(['lint', '--root', root, '--fix-dry-run']);
    assert.match(dry.stdout, /^--- a\/measures\/ki-assistent\.md\n\+\+\+ b\/measures\/ki-assistent\.md\n/);
    assert.match(dry.stdout, /\n-start: 15\.04\.2027\n-end: 2028-9\n\+start: 2027-04-15\n\+end: 2028-09\n/);
    assert.match(readFileSync(join(root, 'measures/ki-assistent.md'), 'utf8'), /start: 15\.04\.2027/, '--fix-dry-run writes nothing');
    assert.equal(strategy(['lint', '--root', root, '--fix']).status, 0);
    assert.match(readFileSync(join(root, 'measures/ki-assistent.md'), 'utf8'), /\nstart: 2027-04-15\nend: 2028-09\n/);
  });

  it('amount: 45.000 is an error (read as 45), fixed to 45000 by --fix', () => {
    const root = initRepo();
    edit(root, 'measures/open-data-portal.md', 'cost: 120000\n', 'cost: 45.000\n');
    const { findings, status } = lint(root);
    assert.equal(status, 1);
    assert.deepEqual(findings.map(where), ['amount-format error measures/open-data-portal.md:12:7-12:13']);
    const before = readFileSync(join(root, 'measures/open-data-portal.md'), 'utf8');
    const fixed = strategy(['lint', '--root', root, '--fix']);
    assert.equal(fixed.status, 0, fixed.stderr);
    assert.match(fixed.stderr, /1 Korrektur\(en\) in 1 Datei\(en\) angewendet/);
    assert.equal(readFileSync(join(root, 'measures/open-data-portal.md'), 'utf8'), before.replace('cost: 45.000\n', 'cost: 45000\n'));
  });

  it('a reversed horizon: one finding at the end, none about measures outside it', () => {
    const root = initRepo();
    edit(root, 'strategy.yaml', '  start: 2026\n', '  start: 2031\n');
    const { findings } = lint(root);
    assert.deepEqual(findings.map(where), ['date-order error strategy.yaml:16:8-16:12']);
    assert.match(findings[0].message, /endet \(2030\) vor seinem Beginn \(2031\)/);
  });

  it('--fix never writes through a link, and --fix with --fix-dry-run is a usage error', () => {
    const root = initRepo();
    const outside = join(tempDir(), 'outside.md');
    writeFileSync(outside, readFileSync(join(root, 'measures/open-data-portal.md'), 'utf8').replace('cost: 120000\n', 'cost: 45.000\n'));
    unlinkSync(join(root, 'measures/open-data-portal.md'));
    symlinkSync(outside, join(root, 'measures/open-data-portal.md'));
    const before = snapshot(root);
    const outsideBefore = readFileSync(outside, 'utf8');
    strategy(['lint', '--root', root, '--fix']);
    assert.equal(readFileSync(outside, 'utf8'), outsideBefore, 'the file outside the repository is unchanged');
    assert.deepEqual(snapshot(root), before);
    assert.ok(existsSync(outside));
    const both = strategy(['lint', '--root', root, '--fix', '--fix-dry-run']);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /^strategy: .*--fix-dry-run/);
  });

  it('--fix never writes through a link inside the repository either', () => {
    const root = initRepo();
    edit(root, 'measures/open-data-portal.md', 'cost: 120000\n', 'cost: 45.000\n');
    const real = join(root, 'measures/open-data-portal.md');
    const inside = join(root, 'measures/portal-link.md');
    // The link is another path to the same measure: the duplicate id is reported, nothing is written through the link.
    symlinkSync(real, inside);
    const r = strategy(['lint', '--root', root, '--fix']);
    assert.match(r.stderr, /portal-link\.md: eine Verknüpfung \(Link\)/);
    assert.match(readFileSync(real, 'utf8'), /cost: 45000\n/, 'the real file is fixed');
  });
});
