// `strategy export`: the resolved model as JSON and CSV (for German Excel), checked against the
// fixture's own files and against `strategy lint`, plus the CSV rules one by one.
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { formatCell, formatNumber, neutralise, quote, toCsv } from '../strategy/export/index';
import { LIFECYCLE_FIXTURES, assertOneLineError, buildCli, parseCsv, strategy, tempDir } from './lifecycle-helpers';

const ROOT = join(LIFECYCLE_FIXTURES, 'export');
const AS_OF = '2026-11-26';

interface LintJson {
  findings: Array<{ measure?: string; file: string; severity: string }>;
  waived: Array<{ measure?: string; file: string }>;
}

describe('strategy export', function () {
  this.timeout(120_000);
  let tmp: string;
  before(() => {
    buildCli();
    tmp = tempDir();
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  describe('--format json', () => {
    let doc: any;
    let lint: LintJson;
    before(() => {
      const r = strategy(['export', '--root', ROOT, '--format', 'json', '--as-of', AS_OF]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      doc = JSON.parse(r.stdout);
      lint = JSON.parse(strategy(['lint', '--root', ROOT, '--format', 'json', '--as-of', AS_OF]).stdout);
    });
    const measure = (id: string) => doc.measures.find((m: { id: string }) => m.id === id);

    it('has every measure, the catalogues and the strategy', () => {
      assert.equal(doc.asOf, AS_OF);
      assert.deepEqual(doc.measures.map((m: { id: string }) => m.id).sort(), ['FORMEL', 'KI', 'ZEILEN']);
      assert.equal(doc.strategy.title, 'Exportprobe');
      assert.deepEqual(doc.fields.map((f: { id: string }) => f.id), ['verwaltung', 'daten']);
      assert.equal(doc.programmes.length, 2);
      assert.equal(doc.partners.length, 2);
    });

    it('resolves references: field and goal titles, partner names and kinds, programme names and providers', () => {
      const m = measure('FORMEL');
      assert.deepEqual(m.field, { id: 'verwaltung', title: 'Digitale Verwaltung; Service' });
      assert.deepEqual(m.goals, [
        { id: 'Z-ONLINE', title: 'Leistungen "online"' },
        { id: 'Z-DATEN', title: 'Offene Daten' },
      ]);
      assert.deepEqual(m.partners, [
        { id: 'kgst', name: 'KGSt', kind: 'association' },
        { id: 'uni', name: '=Universität; Test', kind: 'university' },
      ]);
      assert.deepEqual(
        m.funding.map((f: any) => [f.source, f.own, f.programme, f.provider, f.status, f.amount]),
        [
          ['efre-nrw', false, 'EFRE/JTF-Programm NRW 2021–2027', 'eu', 'granted', 1000],
          ['mpsc', false, 'Modellprojekte Smart Cities', 'federal', 'applied', 200.25],
          ['own', true, null, null, 'planned', 34.25],
        ],
      );
      assert.deepEqual(m.fundingSums, { granted: 1000, applied: 200.25, planned: 0, candidate: 0, rejected: 0, own: 34.25 });
    });

    it('keeps unknown references with null names', () => {
      const z = measure('ZEILEN');
      assert.deepEqual(z.field, { id: 'unbekannt', title: null });
      assert.deepEqual(z.dependsOn, [
        { ref: 'FORMEL/start', measure: 'FORMEL', milestone: 'start', title: 'Start' },
        { ref: 'FEHLT', measure: 'FEHLT', milestone: null, title: null },
      ]);
      assert.deepEqual(measure('KI').funding[0].programme, null);
    });

    it('dates as written and as ISO days (first day of the start, last day of the end)', () => {
      const m = measure('FORMEL');
      assert.deepEqual([m.start, m.end, m.startDate, m.endDate], ['2026-Q3', '2027-Q4', '2026-07-01', '2027-12-31']);
      assert.deepEqual(m.milestones.map((x: any) => x.due), ['2026-10-31', '2027-12-31']);
    });

    it('finding counts per measure equal what lint reports at the same --as-of', () => {
      for (const m of doc.measures) {
        const mine = lint.findings.filter((f) => f.measure === m.id && f.file === m.file);
        assert.deepEqual(
          m.findings,
          {
            errors: mine.filter((f) => f.severity === 'error').length,
            warnings: mine.filter((f) => f.severity === 'warning').length,
            infos: mine.filter((f) => f.severity === 'info').length,
            waived: lint.waived.filter((f) => f.measure === m.id).length,
          },
          m.id,
        );
      }
      assert.ok(doc.measures.some((m: any) => m.findings.errors > 0) && doc.measures.some((m: any) => m.findings.waived > 0), 'the fixture exercises errors and waivers');
      assert.equal(doc.summary.errors, lint.findings.filter((f) => f.severity === 'error').length);
    });

    it('counts depend on --as-of (date-based rules)', () => {
      const early = JSON.parse(strategy(['export', '--root', ROOT, '--as-of', '2026-07-01']).stdout);
      const formel = (d: any) => d.measures.find((m: { id: string }) => m.id === 'FORMEL').findings.warnings;
      // The open milestone of 2026-10 is overdue on the later date only.
      assert.equal(formel(doc) - formel(early), 1);
    });
  });

  describe('--format csv', () => {
    let raw: Buffer;
    let rows: string[][];
    const column = (name: string) => rows[0].indexOf(name);
    const row = (id: string) => rows.find((r) => r[0] === id)!;
    before(() => {
      const out = join(tmp, 'export.csv');
      const r = strategy(['export', '--root', ROOT, '--format', 'csv', '--as-of', AS_OF, '--output', out]);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stdout, '', 'with --output nothing goes to stdout');
      raw = readFileSync(out);
      rows = parseCsv(raw.subarray(3).toString('utf8'));
    });

    it('is UTF-8 with a BOM', () => {
      assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.ok(raw.toString('utf8').includes('Förderprogramme'));
    });

    it('one header row and one row per measure, every row as wide as the header, records ending in CRLF', () => {
      // parseCsv throws on a bare LF/CR outside quotes and on a missing final CRLF.
      assert.equal(rows.length, 1 + 3);
      for (const r of rows) assert.equal(r.length, rows[0].length);
      assert.ok(raw.toString('utf8').endsWith('\r\n'));
    });

    it('uses ";" as separator and RFC 4180 quoting (separator, quotes and line breaks round-trip)', () => {
      const z = row('ZEILEN');
      assert.equal(z[column('Titel')], 'Zwei\nZeilen; mit "Zitat"');
      assert.equal(row('FORMEL')[column('Handlungsfeld')], 'Digitale Verwaltung; Service');
      assert.ok(raw.toString('utf8').includes('"Zwei\nZeilen; mit ""Zitat"""'));
    });

    it('neutralises cells that start with =, +, -, @ or a tab', () => {
      assert.equal(row('FORMEL')[column('Titel')], `'=HYPERLINK("http://example.invalid";"klick")`);
      assert.equal(row('FORMEL')[column('Verantwortlich')], "'@Fachbereich");
      assert.equal(row('ZEILEN')[column('Verantwortlich')], "'-Minus");
      assert.equal(row('KI')[column('Titel')], "'+Tab\tund Ümlaut");
      // No text cell starts with a formula character.
      for (const r of rows.slice(1)) for (const cell of r) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, cell);
    });

    it('numbers without thousands separators, with a decimal comma; ISO dates', () => {
      const f = row('FORMEL');
      assert.equal(f[column('Kosten')], '1234,5');
      assert.equal(f[column('Förderung beantragt')], '200,25');
      assert.equal(row('ZEILEN')[column('Kosten')], '2400000');
      assert.deepEqual([f[column('Beginn')], f[column('Ende')], f[column('Nächster Meilenstein')]], ['2026-07-01', '2027-12-31', '2026-10-31']);
      for (const r of rows.slice(1)) {
        for (const c of ['Beginn', 'Ende']) assert.match(r[column(c)], /^\d{4}-\d{2}-\d{2}$/);
      }
    });

    it('resolved names and finding counts', () => {
      const f = row('FORMEL');
      assert.equal(f[column('Partner')], 'KGSt; =Universität; Test');
      assert.equal(f[column('Förderprogramme')], 'EFRE/JTF-Programm NRW 2021–2027; Modellprojekte Smart Cities');
      assert.equal(row('KI')[column('KI-Anwendung')], 'ja');
      assert.equal(row('KI')[column('Ausnahmen')], '1');
    });

    it('status, AI category and risk class as labels of the CSV language, never as raw keys', () => {
      assert.equal(row('ZEILEN')[column('Status')], 'in Betrieb');
      assert.deepEqual([row('KI')[column('Status')], row('KI')[column('KI-Kategorie')], row('KI')[column('KI-Risikoklasse')]], ['Pilot', 'Chatbot', 'nicht eingestuft']);
    });

    it('--lang en: English header and values', () => {
      const r = strategy(['export', '--root', ROOT, '--format', 'csv', '--lang', 'en', '--as-of', AS_OF]);
      const en = parseCsv(r.stdout.replace(/^\uFEFF/, ''));
      const header = en[0];
      assert.ok(header.includes('Title') && header.includes('Funding granted'));
      const cell = (id: string, name: string) => en.find((x) => x[0] === id)![header.indexOf(name)];
      assert.equal(cell('ZEILEN', 'Status'), 'in operation');
      assert.deepEqual([cell('KI', 'AI initiative'), cell('KI', 'AI risk class')], ['yes', 'unclassified']);
      assert.doesNotMatch(r.stdout, /\b(ja|nein|nicht eingestuft|in Betrieb)\b/);
    });
  });

  it('an unknown --format is a usage error (exit 2)', () => {
    const r = strategy(['export', '--root', ROOT, '--format', 'xlsx']);
    assert.equal(r.status, 2);
  });

  it('outside a strategy repository: exit 2, one line', () => {
    const r = strategy(['export'], { cwd: tmp });
    assert.equal(r.status, 2);
    assertOneLineError(r.stderr);
  });

  describe('CSV cells (strategy/export/csv.ts)', () => {
    it('neutralise prefixes exactly the formula characters', () => {
      for (const s of ['=1+1', '+49 2323', '-5', '@SUM(A1)', '\tx', '\rx']) assert.equal(neutralise(s), `'${s}`);
      for (const s of ['1+1', 'a=b', "'=x", ' =x', 'Ämter', '']) assert.equal(neutralise(s), s);
    });

    it('quote wraps fields with ";", quotes or line breaks and doubles quotes', () => {
      assert.equal(quote('a;b'), '"a;b"');
      assert.equal(quote('sagt "ja"'), '"sagt ""ja"""');
      assert.equal(quote('a\r\nb'), '"a\r\nb"');
      assert.equal(quote('a,b'), 'a,b');
    });

    it('numbers are typed: a negative number stays a number, a negative text is neutralised', () => {
      assert.equal(formatCell(-5, 'de'), '-5');
      assert.equal(formatCell('-5', 'de'), "'-5");
      assert.equal(formatNumber(1234567.89), '1234567,89');
      assert.equal(formatNumber(1e21), '1000000000000000000000');
      assert.equal(formatNumber(Number.POSITIVE_INFINITY), '');
      assert.equal(formatCell(true, 'en'), 'yes');
      assert.equal(formatCell(null, 'de'), '');
    });

    it('any text survives a round trip through toCsv and an independent RFC 4180 reader', () => {
      fc.assert(
        fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (table) => {
          const width = table[0].length;
          const rectangular = table.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          const csv = toCsv(rectangular, 'de');
          assert.ok(csv.startsWith('\uFEFF'));
          const back = parseCsv(csv.slice(1));
          assert.deepEqual(back, rectangular.map((r) => r.map((cell) => neutralise(cell))));
        }),
      );
    });
  });
});
