/** Inquiry files (docs/format.md "Inquiries"): schema, lint findings and `report council --inquiry`. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import { loadWorkspace } from '../cli/load';
import { inquiryPaths, readInquiry } from '../strategy/report/inquiry-files';
import { buildReport, reportToMarkdown } from '../strategy/report/index';
import { ANALYSIS_KINDS, INQUIRY_VALUE_KEYS } from '../strategy/model/inquiry';
import inquirySchema from '../strategy/schema/inquiry.schema.json';

const PROJECT = resolve(__dirname, '..');
const CLI = join(PROJECT, 'dist', 'cli.js');
const FIXTURE = join(__dirname, 'fixtures', 'report', 'musterstadt');
const HERNE = join(PROJECT, 'examples', 'herne');
const HERNE_INQUIRY = join(HERNE, 'inquiries', '2025-05-14-fdp-ki.yaml');
const AS_OF = '2026-11-26';

function strategy(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the report fixture with extra files. */
function repoWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'strategy-inquiry-test-'));
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const parse = (md: string): Root => unified().use(remarkParse).use(remarkGfm).parse(md);
const h2 = (tree: Root) => tree.children.filter((n) => n.type === 'heading' && n.depth === 2).map((n) => toString(n));
const quotes = (tree: Root) => tree.children.filter((n) => n.type === 'blockquote').map((n) => toString(n).replace(/\s+/g, ' '));

// The questions as published with the inquiry of 14 May 2025 (issue 13), typed here independently of the example file.
const REAL_QUESTIONS = [
  'Welche konkreten Anwendungen von Künstlicher Intelligenz (z. B. Chatbots, Texterkennung, Entscheidungsunterstützung, Datenanalyse) werden aktuell in der Verwaltung der Stadt Herne genutzt oder pilotiert?',
  'Sind Pilotprojekte oder Kooperationen mit Hochschulen, Start-ups oder anderen Kommunen im Bereich KI geplant oder in Umsetzung?',
  'Gibt es eine übergreifende Digitalstrategie, in der KI als Zukunftstechnologie verankert ist?',
  'Welche Fördermittel (z. B. vom Bund oder Land NRW) zur Erprobung oder Einführung von KI-Lösungen wurden bereits beantragt oder könnten genutzt werden?',
  'Wie wird sichergestellt, dass der Einsatz von KI ethischen, rechtlichen und datenschutzrechtlichen Anforderungen entspricht?',
];

const CUSTOM = `schema: 1
title: Fördermittel für KI
asked_by: Ratsmitglied Erika Muster
date: 2026-10-01
body: Haupt- und Finanzausschuss
meeting: 2026-11-30
reference: "V/2026/0999"
illustrative: [reference]
notice: Testdaten, erfunden.
questions:
  - text: "Wie viel Geld kommt vom Land?"
    analysis: funding
  - text: "Welche KI-Systeme laufen schon?"
    analysis: [ai-applications]
`;

describe('inquiry files', function () {
  this.timeout(60_000);

  it('the schema lists the same analyses and markable keys as the model', () => {
    const q = inquirySchema.properties.questions.items.properties.analysis.anyOf[0] as { enum: string[] };
    assert.deepEqual(q.enum, [...ANALYSIS_KINDS]);
    assert.deepEqual(inquirySchema.properties.illustrative.items.enum, [...INQUIRY_VALUE_KEYS]);
  });

  it('lint reads inquiries/*.yaml: the example inquiry is clean, a mistake is reported at its key', () => {
    const herne = loadWorkspace(HERNE).lint({ asOf: AS_OF });
    assert.deepEqual(herne.findings.filter((f) => f.file.startsWith('inquiries/')), []);
    const dir = repoWith({ 'inquiries/bad.yaml': CUSTOM.replace('analysis: funding', 'analysis: fundings').replace('meeting: 2026-11-30', 'meeting: 2026-02-30') });
    try {
      const findings = loadWorkspace(dir).lint({ asOf: AS_OF }).findings.filter((f) => f.file === 'inquiries/bad.yaml');
      assert.deepEqual(
        findings.map((f) => [f.rule, f.range.start.line]),
        [
          ['schema', 6],
          ['schema', 12],
        ],
      );
      assert.match(findings[1].message.en, /funding/, 'did you mean');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('report council --inquiry answers the questions verbatim, in the order of the file', () => {
    const dir = repoWith({ 'inquiries/custom.yaml': CUSTOM });
    try {
      const r = strategy(['report', 'council', '--root', dir, '--as-of', AS_OF, '--inquiry', join(dir, 'inquiries/custom.yaml')]);
      assert.equal(r.status, 0, r.stderr);
      const tree = parse(r.stdout);
      assert.equal(toString(tree.children[0]), 'Beantwortung der Anfrage „Fördermittel für KI“');
      assert.deepEqual(h2(tree).filter((h) => h.startsWith('Frage')), ['Frage 1: Fördermittel', 'Frage 2: KI-Anwendungen im Einsatz und in Erprobung']);
      assert.deepEqual(quotes(tree), ['Wie viel Geld kommt vom Land?', 'Welche KI-Systeme laufen schon?']);
      assert.match(r.stdout, /\| Drucksache +\| V\/2026\/0999 \(illustrativ\) +\|/);
      assert.match(r.stdout, /\| Beratungsfolge +\| Haupt- und Finanzausschuss, Sitzung am 30\.11\.2026 \(zur Kenntnisnahme\) +\|/);
      assert.match(r.stdout, /\| Anfrage von +\| Ratsmitglied Erika Muster +\|/);
      assert.match(r.stdout, /\| Federführender Fachbereich +\| nicht angegeben +\|/, 'an unrecorded value is "nicht angegeben"');
      assert.match(r.stdout, /\*\*Hinweis:\*\* Testdaten, erfunden\./);
      // Only the analyses asked for: no cooperation or compliance section.
      assert.ok(!r.stdout.includes('### Pilotprojekte zu KI'), 'cooperations were not asked for');
      assert.ok(!r.stdout.includes('### Prüfmatrix'), 'ethics were not asked for');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('examples/herne answers the real inquiry of 14 May 2025 verbatim, in German and English', () => {
    for (const lang of ['de', 'en']) {
      const r = strategy(['report', 'council', '--root', HERNE, '--as-of', AS_OF, '--lang', lang, '--inquiry', HERNE_INQUIRY]);
      assert.equal(r.status, 0, r.stderr);
      const tree = parse(r.stdout);
      assert.deepEqual(quotes(tree), ['Die FDP bittet die Verwaltung daher um die Beantwortung folgender Fragen:', ...REAL_QUESTIONS], lang);
      assert.equal(h2(tree).filter((h) => /^(Frage|Question) \d/.test(h)).length, 5);
      assert.match(r.stdout, lang === 'de' ? /2025\/0123 \(illustrativ\)/ : /2025\/0123 \(illustrative\)/);
      assert.match(r.stdout, lang === 'de' ? /Sitzung am 14\.05\.2025/ : /meeting of 14 May 2025/);
    }
  });

  it('a broken or missing inquiry stops the report with the file and position', () => {
    const dir = repoWith({ 'inquiries/bad.yaml': CUSTOM.replace('    analysis: funding\n', '') });
    try {
      const r = strategy(['report', '--root', dir, '--as-of', AS_OF, '--inquiry', join(dir, 'inquiries/bad.yaml')]);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^strategy: inquiries\/bad\.yaml:11:5: .*analysis/m);
      const outside = join(dir, '..', `${dir.split('/').pop()}-outside.yaml`);
      writeFileSync(outside, 'schema: 1\ntitle: x\nquestions: []\n');
      try {
        const o = strategy(['report', '--root', dir, '--as-of', AS_OF, '--lang', 'en', '--inquiry', outside]);
        assert.equal(o.status, 1);
        assert.match(o.stderr, /outside\.yaml:\d+:\d+: /);
      } finally {
        rmSync(outside, { force: true });
      }
      const missing = strategy(['report', '--root', dir, '--inquiry', join(dir, 'nope.yaml')]);
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /nope\.yaml/);
      const wrongKind = strategy(['report', 'funding', '--root', dir, '--inquiry', join(dir, 'inquiries/bad.yaml')]);
      assert.equal(wrongKind.status, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the editor's way to the inquiry (inquiryPaths, readInquiry) gives the CLI's answer to --inquiry", () => {
    const ws = loadWorkspace(HERNE);
    assert.deepEqual(inquiryPaths(ws), ['inquiries/2025-05-14-fdp-ki.yaml']);
    for (const lang of ['de', 'en'] as const) {
      const read = readInquiry(ws, inquiryPaths(ws)[0], lang);
      assert.ok(read.inquiry, read.problems?.join('\n'));
      const editor = reportToMarkdown(buildReport(ws.lint({ asOf: AS_OF }), 'council', { lang, inquiry: read.inquiry }));
      const cli = strategy(['report', 'council', '--root', HERNE, '--as-of', AS_OF, '--lang', lang, '--inquiry', HERNE_INQUIRY]);
      assert.equal(cli.status, 0, cli.stderr);
      // From the head to the signature; the appendices name the source commit, which only the CLI is told here.
      const answers = (md: string) => md.slice(0, md.search(lang === 'de' ? /^## Anlage 1:/m : /^## Appendix 1:/m));
      assert.ok(answers(editor).length > 5000);
      assert.equal(answers(editor), answers(cli.stdout));
    }
    const dir = repoWith({ 'inquiries/bad.yaml': CUSTOM.replace('    analysis: funding\n', ''), 'inquiries/2026-custom.yaml': CUSTOM });
    try {
      const repo = loadWorkspace(dir);
      assert.deepEqual(inquiryPaths(repo), ['inquiries/2026-custom.yaml', 'inquiries/bad.yaml']);
      assert.ok(readInquiry(repo, 'inquiries/2026-custom.yaml', 'de').inquiry);
      const bad = readInquiry(repo, 'inquiries/bad.yaml', 'de');
      assert.ok(bad.problems?.length);
      const cli = strategy(['report', '--root', dir, '--as-of', AS_OF, '--inquiry', join(dir, 'inquiries/bad.yaml')]);
      for (const line of bad.problems) assert.ok(cli.stderr.includes(line), `the CLI says the same: ${line}`);
      assert.match(bad.problems[0], /^inquiries\/bad\.yaml:11:5: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('strategy init ships the real inquiry, valid and verbatim', () => {
    const dir = mkdtempSync(join(tmpdir(), 'strategy-inquiry-init-'));
    try {
      const r = spawnSync(process.execPath, [CLI, 'init', dir, '--lang', 'de'], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const file = join(dir, 'inquiries', '2025-05-14-fdp-ki.yaml');
      const text = readFileSync(file, 'utf8').replace(/\s+/g, ' ');
      for (const q of REAL_QUESTIONS) assert.ok(text.includes(q), q);
      const report = strategy(['report', '--root', dir, '--inquiry', file]);
      assert.equal(report.status, 0, report.stderr);
      assert.deepEqual(quotes(parse(report.stdout)).slice(1), REAL_QUESTIONS);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
