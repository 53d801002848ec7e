/**
 * The council answer (issue 13): scoped to AI, nothing silently dropped, checked data, plain
 * language in the body. Small repositories in memory; the CLI where exit codes matter.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { StrategyWorkspace } from '../strategy/index';
import { buildReport, reportToMarkdown } from '../strategy/report/index';
import { RULES_BY_ID } from '../strategy/rules/index';
import { loadWorkspace } from '../cli/load';
import measureSchema from '../strategy/schema/measure.schema.json';
import strategySchema from '../strategy/schema/strategy.schema.json';
import fundingSchema from '../strategy/schema/funding.schema.json';
import partnersSchema from '../strategy/schema/partners.schema.json';

const AS_OF = '2026-11-26';
const CLI = join(resolve(__dirname, '..'), 'dist', 'cli.js');

const STRATEGY = 'schema: 1\ntitle: Digitalstrategie Teststadt\norganisation: Stadt Teststadt\nprogrammes:\n  - id: bund-ki\n    name: KI-Programm Bund\n    provider: federal\n  - id: eu-ki\n    name: KI-Programm EU\n    provider: eu\npartners:\n  - id: uni\n    name: Universität Test\n    kind: university\n  - id: firma\n    name: Firma Test\n    kind: company\n  - id: leer\n    name: Partner ohne Maßnahme\n    kind: association\n';

const MEASURES: Record<string, string> = {
  'measures/chatbot.md': `---
id: CHAT
title: Chatbot
status: active
partners: [uni]
privacy:
  personal_data: true
  dpia: done
ai:
  category: chatbot
  risk: limited
  transparency_notice: true
funding:
  - source: eu-ki
    status: rejected
    amount: 100000
  - source: own
    status: granted
    amount: 20000
---

Der Chatbot beantwortet Fragen zu Öffnungszeiten.
`,
  'measures/ocr.md': `---
id: OCR
title: Texterkennung
status: pilot
ai:
  category: text-recognition
  risk: minimal
---
`,
  'measures/leitlinie.md': `---
id: LEIT
title: Regeln für KI
status: completed
tags: [Governance]
partners: [firma]
funding:
  - source: bund-ki
    status: granted
    amount: 50000
---

Die Leitlinie regelt, wie die Stadt KI einsetzt.
`,
  'measures/nur-titel.md': `---
id: NOTAG
title: KI-Leitlinie ohne Schlagwort
status: planned
---
`,
  'measures/glasfaser.md': `---
id: FASER
title: Glasfaser
status: pilot
partners: [firma]
funding:
  - source: bund-ki
    status: granted
    amount: 900000
---
`,
};

function council(files: Record<string, string>, lang: 'de' | 'en' = 'de', commit?: string): string {
  const ws = new StrategyWorkspace();
  for (const [path, content] of Object.entries(files)) ws.setFile(path, content);
  return reportToMarkdown(buildReport(ws.lint({ asOf: AS_OF }), 'council', { lang, commit }));
}

/** The text from the title to the first appendix: what politicians read. */
function body(md: string): string {
  const end = md.search(/^## (Anlage|Appendix) 1:/m);
  assert.ok(end > 0, 'the report has appendices');
  return md.slice(0, end);
}

function section(md: string, heading: RegExp): string {
  const start = md.search(heading);
  assert.ok(start >= 0, `no ${heading}`);
  const rest = md.slice(start + 3);
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

describe('council answer: scope, completeness, plain language', () => {
  const md = council({ 'strategy.yaml': STRATEGY, ...MEASURES }, 'de', '0123456789abcdef0123456789abcdef01234567');

  it('answers on funding for AI only, split by funding body; the whole strategy in an appendix', () => {
    const funding = section(md, /^## Frage 4/m);
    assert.match(funding, /\| Bund +\| +50\.000 € \|/, 'the governance measure counts for AI');
    assert.ok(!funding.includes('900.000'), 'fibre is not AI funding');
    assert.match(section(md, /^## Anlage 1:/m), /950\.000 €/, 'the whole strategy in appendix 1');
  });

  it('lists a rejected application as rejected, and its programme as not used', () => {
    const funding = section(md, /^## Frage 4/m);
    assert.match(funding, /\| Chatbot \(`CHAT`\) +\| KI-Programm EU +\| abgelehnt +\| 100\.000 € \|/);
    assert.match(funding, /\| KI-Programm EU +\| EU +\|.*Antrag abgelehnt/);
  });

  it('says own funds are provided in the budget, not granted', () => {
    const funding = section(md, /^## Frage 4/m);
    assert.match(funding, /\| Chatbot \(`CHAT`\) +\| Eigenmittel[^|]*\| im Haushalt bereitgestellt +\|/);
  });

  it('names AI applications in use without funding', () => {
    assert.match(section(md, /^## Frage 4/m), /keine Finanzierung angegeben: Texterkennung \(`OCR`, Pilot\)/);
  });

  it('counts only partners with AI measures as AI cooperations; the rest in an appendix, idle partners are no cooperation', () => {
    const coop = section(md, /^## Frage 2/m);
    assert.match(coop, /Universität Test/);
    assert.match(coop, /Firma Test +\| Unternehmen +\| Regeln für KI \(`LEIT`, abgeschlossen\) +\|/);
    assert.ok(!coop.includes('Glasfaser') && !coop.includes('Partner ohne Maßnahme'));
    const appendix = section(md, /^## Anlage 2:/m);
    assert.match(appendix, /Firma Test +\| Unternehmen +\| Glasfaser/);
    assert.match(appendix, /Partner ohne Maßnahme \(keine Kooperation\): Partner ohne Maßnahme/);
  });

  it('finds governance measures by their tag (not by their title) and shows what they do', () => {
    for (const q of [/^## Frage 3/m, /^## Frage 5/m]) {
      const s = section(md, q);
      assert.match(s, /Regeln für KI \(`LEIT`\) +\| abgeschlossen +\| — +\| Die Leitlinie regelt, wie die Stadt KI einsetzt\. +\|/);
      assert.ok(!s.includes('KI-Leitlinie ohne Schlagwort'), 'a title is no marker');
    }
  });

  it('an unrecorded value is "nicht angegeben", never "nein"', () => {
    const row = section(md, /^## Frage 5/m).split('\n').find((l) => l.startsWith('| Chatbot') && l.includes('durchgeführt'))!;
    assert.ok(row, 'the data protection row of the chatbot');
    assert.deepEqual(row.split('|').map((c) => c.trim()).slice(1, -1), ['Chatbot (`CHAT`)', 'durchgeführt', 'nicht angegeben', 'nicht angegeben']);
  });

  it('keeps commit hashes, rule ids, file paths and severities out of the body', () => {
    const b = body(md);
    for (const technical of ['0123456789ab', 'ethics-review-missing', 'measures/', '.md:', 'Schwere', 'Fehler', '| Regel ']) assert.ok(!b.includes(technical), `body contains "${technical}"`);
    assert.deepEqual(technicalTerms(b), []);
    const admin = section(md, /^## Anlage 3:/m);
    assert.match(admin, /Git-Commit `0123456789ab`/);
    assert.match(admin, /`measures\/ocr\.md:\d+`/);
  });

  it('has the parts of a Mitteilungsvorlage and lists the abbreviations it uses', () => {
    for (const h of ['## Finanzielle Auswirkungen', '## Anlagen', '### Unterschrift', '## Anlage 4: Abkürzungen']) assert.ok(md.includes(h), h);
    const abbr = section(md, /^## Anlage 4:/m);
    assert.match(abbr, /\| DSFA +\| Datenschutz-Folgenabschätzung/);
    assert.ok(!abbr.includes('| VVT'), 'only abbreviations the document uses');
    const en = council({ 'strategy.yaml': STRATEGY, ...MEASURES }, 'en');
    assert.match(section(en, /^## Appendix 4:/m), /\| DPIA +\| data protection impact assessment/);
    assert.match(section(en, /^## Question 4/m), /provided in the budget/);
  });
  it('says the open points in plain words: which application, what is not stated (German and English)', () => {
    const open = section(md, /^## Frage 5/m);
    assert.match(open, /\| Texterkennung +\| Für „Texterkennung“ ist nicht angegeben, ob personenbezogene Daten verarbeitet werden\. +\|/);
    const en = council({ 'strategy.yaml': STRATEGY, ...MEASURES }, 'en', '0123456789abcdef0123456789abcdef01234567');
    assert.match(section(en, /^## Question 5/m), /\| Texterkennung +\| For "Texterkennung" it is not stated whether personal data are processed\. +\|/);
    assert.deepEqual(technicalTerms(body(en)), []);
    // The technical message (rule, key, place) is kept for the administration.
    assert.match(section(md, /^## Anlage 3:/m), /`privacy-review-missing`.*„privacy“/);
  });

  it('says errors in the data in plain words, and keeps rule ids and keys out of the body', () => {
    const files = { 'strategy.yaml': STRATEGY, ...MEASURES, 'measures/glasfaser.md': MEASURES['measures/glasfaser.md'].replace('amount: 900000', 'amount: 150.000'), 'measures/kaputt.md': '---\nid: KAPUTT\ntitle: Kaputte Angabe\nstatus: 5\n---\n' };
    for (const lang of ['de', 'en'] as const) {
      const b = body(council(files, lang));
      assert.deepEqual(technicalTerms(b), [], lang);
      assert.match(b, lang === 'de' ? /„Glasfaser“ ist als „150\.000“ geschrieben und wird als 150 gelesen; gemeint ist vermutlich 150000/ : /"Glasfaser" is written as "150\.000" and read as 150; 150000 is probably meant/);
      assert.match(b, lang === 'de' ? /Eine Angabe zu „Kaputte Angabe“ hat nicht die erwartete Form/ : /A value for "Kaputte Angabe" does not have the expected form/);
      // A point about the strategy as a whole is said once, not at every application it concerns.
      const literacy = b.split('\n').filter((l) => l.startsWith('|') && /KI-Kompetenz der Beschäftigten|AI literacy of staff/.test(l));
      assert.equal(literacy.length, 2, literacy.join('\n')); // once in the data check, once among the open points
      for (const l of literacy) assert.match(l, /^\| (allgemeine Angaben der Strategie|general data of the strategy) /);
    }
  });
});

describe('council answer on examples/herne: the body in plain words', () => {
  for (const lang of ['de', 'en'] as const) {
    it(`${lang}: no rule ids, YAML keys or file paths before the appendices`, () => {
      const ws = loadWorkspace(join(__dirname, '..', 'examples', 'herne'));
      const inquiry = ws.parse('inquiries/2025-05-14-fdp-ki.yaml')?.inquiry;
      assert.ok(inquiry, 'the real inquiry');
      const md = reportToMarkdown(buildReport(ws.lint({ asOf: AS_OF }), 'council', { lang, inquiry, commit: '0123456789abcdef0123456789abcdef01234567' }));
      assert.match(section(md, lang === 'de' ? /^### Offene Punkte/m : /^### Open points/m), lang === 'de' ? /\| Für „/ : /\| For "/);
      assert.deepEqual(technicalTerms(body(md)), []);
    });
  }
});

/** Every key of the repository's file formats (docs/format.md), from their JSON schemas. */
function schemaKeys(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => schemaKeys(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' && v && typeof v === 'object') Object.keys(v).forEach((key) => out.add(key));
      schemaKeys(v, out);
    }
  }
  return out;
}
const KEYS = schemaKeys([measureSchema, strategySchema, fundingSchema, partnersSchema]);

/** What a politician should not have to read: rule ids, YAML keys (quoted, alone or with a value, or in snake_case), file paths. */
function technicalTerms(text: string): string[] {
  const found: string[] = [];
  for (const rule of RULES_BY_ID.keys()) if (new RegExp(`(^|[^\\p{L}-])${rule}(?![\\p{L}-])`, 'u').test(text)) found.push(`rule id ${rule}`);
  for (const key of KEYS) {
    const k = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`[„"\`]${k}[“"\`:]`, 'u').test(text) || (key.includes('_') && text.includes(key))) found.push(`key ${key}`);
  }
  for (const m of text.matchAll(/[\w.-]+\/[\w./-]+\.(?:md|ya?ml)\b|\bstrategy\.yaml\b|\.md:\d+/g)) found.push(`path ${m[0]}`);
  return found;
}

describe('council answer: checked data (CLI)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'strategy-council-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function write(files: Record<string, string>) {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
  }
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'report', '--root', dir, '--as-of', AS_OF, ...args], { encoding: 'utf8' });

  it('shows errors in the data visibly; --strict fails like lint', () => {
    write({ 'strategy.yaml': STRATEGY, ...MEASURES, 'measures/glasfaser.md': MEASURES['measures/glasfaser.md'].replace('amount: 900000', 'amount: 150.000') });
    const r = run();
    assert.equal(r.status, 0, r.stderr);
    const check = section(r.stdout, /^## Hinweis zur Verlässlichkeit der Angaben/m);
    assert.match(check, /\| Glasfaser +\| Ein Betrag bei „Glasfaser“ ist als „150\.000“ geschrieben und wird als 150 gelesen/);
    assert.match(r.stderr, /Fehler in den Daten/);
    const strict = run('--strict');
    assert.equal(strict.status, 1);
    assert.match(strict.stdout, /Hinweis zur Verlässlichkeit/, 'the report is still written');
  });

  it('a clean repository passes --strict and has no data note', () => {
    write({ 'strategy.yaml': STRATEGY, 'measures/leitlinie.md': MEASURES['measures/leitlinie.md'] });
    const r = run('--strict');
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!r.stdout.includes('Verlässlichkeit'));
  });

  it('--output with an extension that does not match the format is an error, not a wrong file', () => {
    write({ 'strategy.yaml': STRATEGY });
    for (const args of [['--output', join(dir, 'x.odt')], ['--format', 'html', '--output', join(dir, 'x.pdf')], ['--format', 'md', '--output', join(dir, 'x.docx')]]) {
      const r = run(...args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /--output .*x\.(odt|pdf|docx)/);
    }
    const ok = run('--format', 'html', '--output', join(dir, 'x.HTM'));
    assert.equal(ok.status, 0, ok.stderr);
  });

  it('a broken or empty strategy.yaml never gives a report with an empty title', () => {
    for (const broken of ['schema: 1\ntitle: [unclosed\n', 'schema: 1\n', '']) {
      write({ 'strategy.yaml': broken });
      const r = run();
      assert.equal(r.status, 1, `${JSON.stringify(broken)}: ${r.stdout.slice(0, 80)}`);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /strategy\.yaml:\d+:\d+: .*\n.*kein Bericht/);
    }
  });
});
