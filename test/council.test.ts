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
});

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
    assert.match(check, /\| Glasfaser +\| „150\.000“ wird als 150 gelesen/);
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
