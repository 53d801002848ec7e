// The reports' core (strategy/report): facts and sums, wording and number formats, escaping of
// user text, golden Markdown files, and that a change in the data shows in the report.
// Golden files: `UPDATE_GOLDEN=1 node_modules/.bin/mocha test/report.test.ts` rewrites them –
// review the diff (sums, dates, wording) before committing it.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, Table } from 'mdast';
import { loadWorkspace } from '../cli/load';
import { StrategyWorkspace } from '../strategy/index';
import { buildReport, computeFacts, makeFormatter, mentionsAi, reportToMarkdown, REPORT_KINDS, type ReportKind } from '../strategy/report/index';
import type { Lang } from '../strategy/types';

const FIXTURE = join(__dirname, 'fixtures', 'report', 'musterstadt');
const GOLDEN = join(__dirname, 'golden');
const AS_OF = '2026-11-26';
const COMMIT = '0123456789abcdef0123456789abcdef01234567';
const GENERATOR = 'Digital Strategy Roadmap (test)';
/** Intl puts a no-break space between number and €; tests compare with a plain space. */
const plain = (s: string) => s.replace(/\u00a0|\u202f/g, ' ');

function lintFixture(change?: (ws: StrategyWorkspace) => void) {
  const ws = loadWorkspace(FIXTURE);
  change?.(ws);
  return ws.lint({ asOf: AS_OF });
}

function markdown(kind: ReportKind, lang: Lang, change?: (ws: StrategyWorkspace) => void): string {
  return reportToMarkdown(buildReport(lintFixture(change), kind, { lang, commit: COMMIT, generator: GENERATOR }));
}

function parse(md: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(md);
}

/** Cells (plain text) of the first table after the heading `title`. */
function tableAfter(tree: Root, title: string): string[][] {
  const start = tree.children.findIndex((n) => n.type === 'heading' && toString(n) === title);
  assert.ok(start >= 0, `no heading "${title}"`);
  const next = tree.children.slice(start + 1).find((n): n is Table | Extract<RootContent, { type: 'heading' }> => n.type === 'table' || n.type === 'heading');
  assert.ok(next?.type === 'table', `no table under "${title}"`);
  return next.children.map((row) => row.children.map((cell) => plain(toString(cell))));
}

function row(table: string[][], first: string): Record<string, string> {
  const [head, ...rows] = table;
  const r = rows.find((cells) => cells[0].startsWith(first));
  assert.ok(r, `no row "${first}" in table ${JSON.stringify(head)}`);
  return Object.fromEntries(head.map((h, i) => [h, r[i]]));
}

describe('report: facts of the fixture (sums checked by hand)', () => {
  const facts = computeFacts(lintFixture(), 'de');
  const f = facts.funding;

  it('sums external funding per status, without own funds', () => {
    // applied: bund-ki 250,000 (KI-POST) + digital-nrw 1,000,000 (WLAN-SCHULEN)
    assert.equal(f.total.applied.amount, 1_250_000);
    // granted: digital-nrw 120,000 (KI-CHATBOT)
    assert.equal(f.total.granted.amount, 120_000);
    // rejected: eu-dep 400,000 (KI-SOZIAL)
    assert.equal(f.total.rejected.amount, 400_000);
    // planned: kreis 50,000 (KI-SOZIAL); candidate: bund-ki 200,000 (KI-VERKEHR) and digital-nrw without amount (KI-SCHULUNG)
    assert.equal(f.total.planned.amount, 50_000);
    assert.equal(f.total.candidate.amount, 200_000);
    assert.equal(f.total.candidate.count, 2);
    assert.equal(f.total.candidate.withoutAmount, 1);
  });

  it('keeps own funds apart, cents included', () => {
    assert.equal(f.own?.sums.granted.amount, 45_000.5); // 30,000 + 15,000.50
    assert.deepEqual(f.own?.measures.map((m) => m.id), ['KI-CHATBOT', 'KI-SCHULUNG']);
    assert.equal(f.all.granted.amount, 165_000.5);
  });

  it('sums per funding body', () => {
    const byProvider = Object.fromEntries(f.providers.map((p) => [p.provider, p.sums]));
    assert.deepEqual(Object.keys(byProvider), ['federal', 'state', 'eu', 'municipal']);
    assert.equal(byProvider.federal.applied.amount, 250_000);
    assert.equal(byProvider.federal.candidate.amount, 200_000);
    assert.equal(byProvider.state.applied.amount, 1_000_000);
    assert.equal(byProvider.state.granted.amount, 120_000);
    assert.equal(byProvider.eu.rejected.amount, 400_000);
    assert.equal(byProvider.municipal.planned.amount, 50_000);
  });

  it('lists catalogue programmes no measure uses, and deadlines from the as-of date', () => {
    // eu-dep has only a rejected application: not used (issue 13).
    assert.deepEqual(f.unused.map((p) => p.id), ['smart-cities', 'eu-dep', 'stiftung']);
    assert.deepEqual([...f.rejectedOnly], ['eu-dep']);
    // 2026-11-26 → 2026-12-15: 19 days; → 2027-03-31: 4 + 31 + 31 + 28 + 31 = 125; → 2027-06 (its last day, 06-30): 125 + 30 + 31 + 30 = 216. eu-dep (2025-09-30) is past.
    assert.deepEqual(f.deadlines.map((d) => [d.programme.id, d.days]), [['bund-ki', 19], ['digital-nrw', 125], ['smart-cities', 216]]);
  });

  it('groups AI initiatives by status and partners by kind', () => {
    assert.deepEqual(facts.aiInUse.map((m) => m.id).sort(), ['KI-CHATBOT', 'KI-POST', 'KI-SOZIAL']);
    assert.deepEqual(facts.aiPlanned.map((m) => m.id).sort(), ['KI-UEBERSETZUNG', 'KI-VERKEHR']);
    assert.deepEqual(facts.aiOther.map((m) => m.id), ['KI-BILD']);
    assert.deepEqual(facts.pilots.map((m) => m.id).sort(), ['KI-POST', 'KI-SOZIAL', 'WLAN-SCHULEN']);
    const ids = (g: keyof typeof facts.partners) => facts.partners[g].map((p) => p.partner.id).sort();
    assert.deepEqual(ids('research'), ['fraunhofer', 'hs-muster', 'ruhr-uni']);
    assert.deepEqual(ids('business'), ['beispiel-ag', 'chatwerk']);
    assert.deepEqual(ids('public'), ['krz', 'nachbarstadt']);
    assert.deepEqual(ids('other'), ['staedtetag']);
  });

  it('finds AI-related fields and goals by reference and by wording', () => {
    // bildung: no AI initiative, no AI wording; ki: named "Künstliche Intelligenz" and referenced.
    assert.deepEqual(facts.relatedFields.map((r) => [r.element.id, r.initiatives.length, r.mentionsAi]), [
      ['verwaltung', 2, false],
      ['ki', 1, true],
      ['infrastruktur', 2, false],
    ]);
    assert.deepEqual(facts.relatedGoals.map((r) => [r.element.id, r.initiatives.length, r.mentionsAi]), [
      ['online-services', 2, false],
      ['ki-einsatz', 2, true],
      ['daten-nutzen', 1, false],
    ]);
  });

  it('states every waiver: in effect, expired or without effect', () => {
    const states = Object.fromEntries(facts.waivers.map((w) => [`${w.measure.id} ${w.waiver.rule}`, w.state]));
    assert.equal(states['KI-SOZIAL ai-registration-missing'], 'expired'); // until 2026-06-30
    assert.equal(states['KI-CHATBOT dpia-missing'], 'unused'); // the DPIA is done
    assert.equal(states['KI-UEBERSETZUNG owner-missing'], 'active');
    assert.equal(facts.waivers.length, 4);
  });
});

describe('report: formats and wording', () => {
  it('writes German and English numbers and dates', () => {
    const de = makeFormatter('de');
    const en = makeFormatter('en');
    assert.equal(plain(de.money(1_000_000)), '1.000.000 €');
    assert.equal(plain(de.money(45_000.5)), '45.000,50 €');
    assert.equal(plain(en.money(1_000_000)), '€1,000,000');
    assert.equal(de.date('2026-11-26'), '26.11.2026');
    assert.equal(en.date('2026-11-26'), '26 November 2026');
    assert.equal(de.date('2025-Q3'), '3. Quartal 2025');
    assert.equal(en.date('2025-Q3'), 'Q3 2025');
    assert.equal(de.date('2025-06'), 'Juni 2025');
    assert.equal(de.date(2027), '2027');
    assert.equal(de.date('2025-02-30'), '2025-02-30', 'an impossible day stays as written');
    assert.equal(de.period('2025-01', undefined), 'ab Januar 2025');
    assert.equal(en.period(undefined, '2026'), 'until 2026');
  });

  it('decides "AI-related" by whole words', () => {
    for (const t of ['KI-Strategie', 'Einsatz von KI', 'AI Act', 'Künstliche Intelligenz', 'künstlicher Intelligenz', 'Maschinelles Lernen', 'machine learning'])
      assert.ok(mentionsAi(t), t);
    for (const t of ['Kita-Plätze', 'Aid programme', 'Digitale Verwaltung', 'Daten', 'MAIL', undefined]) assert.ok(!mentionsAi(t), String(t));
  });

  it('has no German labels in the English report', () => {
    const md = markdown('council', 'en');
    // (The fixture's own data is German; these are labels only the German report prints.)
    for (const german of ['Auf einen Blick', 'Fördermittel nach', '| Bewilligt', '| Zuständig ', '| Handlungsfeld ', 'Stand:**', '### Ausnahmen', 'Rechtsgrundlage', 'entfällt', 'nicht angegeben', 'Quartal', 'Seite'])
      assert.ok(!md.includes(german), `English report contains "${german}"`);
    for (const english of ['## At a glance', '## Question 1: AI applications in use and in trial', '€1,250,000', 'As of:** 26 November 2026']) assert.ok(md.includes(english), english);
  });

  it('puts the sections of the council report in the order of the inquiry', () => {
    const tree = parse(markdown('council', 'de'));
    const h2 = tree.children.filter((n) => n.type === 'heading' && n.depth === 2).map((n) => toString(n));
    assert.deepEqual(h2, [
      'Hinweis zur Verlässlichkeit der Angaben',
      'Auf einen Blick',
      'Frage 1: KI-Anwendungen im Einsatz und in Erprobung',
      'Frage 2: Pilotprojekte und Kooperationen',
      'Frage 3: KI in der Digitalstrategie',
      'Frage 4: Fördermittel',
      'Frage 5: Ethik, Recht und Datenschutz',
      'Finanzielle Auswirkungen',
      'Anlagen',
      'Anlage 1: Fördermittel der gesamten Digitalstrategie',
      'Anlage 2: Weitere Kooperationen der Digitalstrategie',
      'Anlage 3: Angaben für die Verwaltung',
      'Anlage 4: Abkürzungen',
    ]);
    assert.equal(tree.children.filter((n) => n.type === 'heading' && n.depth === 1).length, 1);
    const code = tree.children.filter((n) => n.type === 'code');
    assert.ok(code.length >= 1 && code.every((c) => c.type === 'code' && c.lang === 'mermaid' && /^(?:---\n[\s\S]*?\n---\n)?gantt\n/.test(c.value)), 'the roadmap is a mermaid gantt block');
  });

  it('shows the sums in the council report tables', () => {
    const tree = parse(markdown('council', 'de'));
    const programmes = tableAfter(tree, 'Nach Förderprogramm');
    assert.deepEqual(row(programmes, 'Summe Fördermittel'), { Programm: 'Summe Fördermittel', Fördergeber: '', Beantragt: '1.250.000 €', Bewilligt: '120.000 €', Abgelehnt: '400.000 €', Geplant: '250.000 €', Maßnahmen: '' });
    assert.equal(row(programmes, 'KI-Leuchttürme').Geplant, '200.000 €');
    assert.equal(row(programmes, 'Eigenmittel').Bewilligt, '45.000,50 €');
    const deadlines = tableAfter(tree, 'Anstehende Fristen');
    assert.deepEqual(deadlines.slice(1).map((r) => [r[0], r[1], r[2]]), [
      ['KI-Leuchttürme für Kommunen', '15.12.2026', 'noch 19 Tage'],
      ['Digitale Modellregionen NRW', '31.03.2027', 'noch 125 Tage'],
      ['Modellprojekte Smart Cities', 'Juni 2027', 'noch 216 Tage'],
    ]);
  });

  it('prints the as-of date, the commit and the generator', () => {
    const md = markdown('inventory', 'de');
    assert.match(md, /\*\*Stand:\*\* 26\.11\.2026/);
    assert.match(md, /Git-Commit `0123456789ab`/);
    assert.ok(md.trimEnd().split('\n').pop()!.startsWith(`Erzeugt mit ${GENERATOR}`));
    const without = reportToMarkdown(buildReport(lintFixture(), 'inventory', {}));
    assert.match(without, /kein Git-Stand ermittelt/);
  });

  it('builds every report kind in both languages', () => {
    for (const kind of REPORT_KINDS)
      for (const lang of ['de', 'en'] as const) {
        const doc = buildReport(lintFixture(), kind, { lang });
        assert.equal(doc.lang, lang);
        assert.equal(doc.tree.children[0].type, 'heading');
        assert.ok(doc.title.endsWith('Digitalstrategie der Musterstadt'));
      }
    assert.ok(buildReport(lintFixture(), 'inventory', {}).landscape);
  });
});

describe('report: user text stays text', () => {
  const EVIL = {
    title: 'Evil | *bold* <script>alert(1)</script> [click](javascript:alert(2)) `tick` <!-- c --> &amp; ![img](https://evil.example/x.png)',
    owner: 'FB | 1\nzweite Zeile',
    purpose: '# not a heading\n- not a list\n| a | b |\n<img src=x onerror=alert(3)>',
  };

  function evilWorkspace() {
    return lintFixture((ws) =>
      ws.setFile(
        'measures/evil.yaml',
        [
          'id: EVIL',
          `title: ${JSON.stringify(EVIL.title)}`,
          `owner: ${JSON.stringify(EVIL.owner)}`,
          'status: active',
          'field: verwaltung',
          'partners: [chatwerk]',
          'funding: [{source: bund-ki, status: granted, amount: 1}]',
          'waivers: [{rule: owner-missing, reason: "<b>bold</b> | pipe"}]',
          'ai:',
          '  category: chatbot',
          '  risk: limited',
          `  purpose: ${JSON.stringify(EVIL.purpose)}`,
          `  human_oversight: ${JSON.stringify(EVIL.title)}`,
        ].join('\n'),
      ),
    );
  }

  it('Markdown: no HTML, links, images or broken tables come out of user text', () => {
    for (const kind of REPORT_KINDS) {
      const md = reportToMarkdown(buildReport(evilWorkspace(), kind, { lang: 'de' }));
      const tree = parse(md);
      const kinds = new Set<string>();
      const walk = (n: { type: string; children?: unknown[]; url?: string }) => {
        // No link at all, also not a GFM autolink literal of a URL written in the data (issue 12, break 10).
        kinds.add(n.type);
        (n.children as Array<{ type: string }> | undefined)?.forEach(walk);
      };
      walk(tree);
      for (const forbidden of ['html', 'link', 'image', 'linkReference', 'imageReference']) assert.ok(!kinds.has(forbidden), `${kind}: user text became ${forbidden}`);
      for (const t of tree.children.filter((n): n is Table => n.type === 'table')) {
        const width = t.children[0].children.length;
        for (const r of t.children) assert.equal(r.children.length, width, `${kind}: a table row has a different number of cells`);
      }
      // The title survives literally (as text) wherever it appears in a table.
      // (A WORD JOINER, invisible, keeps URLs and addresses in it from becoming GFM autolinks.)
      if (kind !== 'funding') assert.ok(toString(tree).replace(/\u2060/g, '').includes(EVIL.title), `${kind}: title not shown literally`);
    }
  });

  it('Markdown: multi-line text stays in its table cell', () => {
    const tree = parse(reportToMarkdown(buildReport(evilWorkspace(), 'council', { lang: 'de' })));
    const chatbots = tableAfter(tree, 'Chatbots');
    const evil = row(chatbots, 'Evil');
    assert.equal(evil.Zuständig, 'FB | 1 zweite Zeile');
    assert.equal(evil.Zweck, '# not a heading - not a list | a | b | <img src=x onerror=alert(3)>');
  });
});

describe('report: follows the data', () => {
  it('a funding status changed from applied to granted moves the money', () => {
    const before = parse(markdown('council', 'de'));
    const after = parse(
      markdown('council', 'de', (ws) => {
        const file = 'measures/ki/posteingang.md';
        const text = readFileSync(join(FIXTURE, file), 'utf8');
        assert.ok(text.includes('status: applied'));
        ws.setFile(file, text.replace('status: applied', 'status: granted'));
      }),
    );
    const b = row(tableAfter(before, 'Nach Förderprogramm'), 'KI-Leuchttürme');
    const a = row(tableAfter(after, 'Nach Förderprogramm'), 'KI-Leuchttürme');
    assert.deepEqual([b.Beantragt, b.Bewilligt], ['250.000 €', '—']);
    assert.deepEqual([a.Beantragt, a.Bewilligt], ['—', '250.000 €']);
    const total = row(tableAfter(after, 'Nach Förderprogramm'), 'Summe');
    assert.deepEqual([total.Beantragt, total.Bewilligt], ['1.000.000 €', '370.000 €']);
    assert.equal(row(tableAfter(after, 'Nach Fördergeber'), 'Bund').Bewilligt, '250.000 €');
  });

  it('a new AI initiative appears in the register and the matrix', () => {
    const md = markdown('council', 'de', (ws) =>
      ws.setFile('measures/neu.yaml', 'id: KI-NEU\ntitle: Neue Anwendung\nstatus: active\nowner: FB 1\nai: {category: speech, risk: minimal, purpose: Telefonansage}\n'),
    );
    const tree = parse(md);
    assert.equal(row(tableAfter(tree, 'Spracherkennung und Sprachausgabe'), 'Neue Anwendung').Zweck, 'Telefonansage');
    assert.ok(tableAfter(tree, 'Prüfmatrix der KI-Anwendungen').some((r) => r[0].startsWith('Neue Anwendung')));
  });
});

describe('report: never fails on a broken or odd repository', () => {
  /** Every folder under test/fixtures that holds a strategy.yaml: broken files, bad values, edge cases of all rules. */
  function repositories(dir: string, out: string[] = []): string[] {
    if (existsSync(join(dir, 'strategy.yaml'))) out.push(dir);
    for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) repositories(join(dir, e.name), out);
    return out;
  }

  it('builds every report in both languages for every fixture repository', function () {
    this.timeout(300_000);
    const repos = repositories(join(__dirname, 'fixtures'));
    assert.ok(repos.length > 5);
    for (const repo of repos) {
      const result = loadWorkspace(repo).lint({ asOf: AS_OF });
      for (const kind of REPORT_KINDS)
        for (const lang of ['de', 'en'] as const) {
          const md = reportToMarkdown(buildReport(result, kind, { lang }));
          assert.ok(md.startsWith('# '), `${repo} ${kind} ${lang}`);
          assert.doesNotMatch(md, /undefined|NaN|\[object Object\]|\{(?:title|date|reference|n|total|inUse|planned|partners|measures|granted|applied|errors|category|group|period|fields|goals|ai|id|point|commit|generator|asOf|description|measure|article)\}/, `${repo} ${kind} ${lang}: a value or placeholder leaked`);
        }
    }
  });

  it('speaks the language of strategy.yaml unless told otherwise', () => {
    const ws = new StrategyWorkspace();
    ws.setFile('strategy.yaml', 'schema: 1\ntitle: Empty\norganisation: City\nlanguage: en\n');
    const result = ws.lint({ asOf: AS_OF });
    assert.ok(reportToMarkdown(buildReport(result, 'council', {})).startsWith('# Council report: Empty'));
    assert.ok(reportToMarkdown(buildReport(result, 'council', { lang: 'de' })).startsWith('# Bericht an den Rat: Empty'));
  });

  it('reports an empty strategy without failing', () => {
    const ws = new StrategyWorkspace();
    ws.setFile('strategy.yaml', 'schema: 1\ntitle: Leer\norganisation: Stadt Leer\n');
    const md = reportToMarkdown(buildReport(ws.lint({ asOf: AS_OF }), 'council', {}));
    for (const text of ['Zurzeit ist keine KI-Anwendung im Einsatz', 'Ein Ratsbeschluss zur Strategie „Leer“ ist im Repository nicht erfasst.', 'Keine Maßnahme hat Fördermittel eingetragen.', 'Es gibt keine KI-Anwendungen.', 'Es sind keine Ausnahmen dokumentiert.'])
      assert.ok(md.includes(text), text);
  });
});

describe('report: golden files (test/golden)', () => {
  const cases: Array<[ReportKind, Lang]> = [
    ['council', 'de'],
    ['council', 'en'],
    ['funding', 'de'],
    ['inventory', 'en'],
  ];
  for (const [kind, lang] of cases) {
    it(`${kind}.${lang}.md`, () => {
      const file = join(GOLDEN, `${kind}.${lang}.md`);
      const actual = markdown(kind, lang);
      if (process.env.UPDATE_GOLDEN) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, actual);
      }
      assert.ok(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 node_modules/.bin/mocha test/report.test.ts and review it`);
      assert.equal(actual, readFileSync(file, 'utf8'), `${kind}.${lang}.md differs: if the change is intended, regenerate with UPDATE_GOLDEN=1 and review the diff`);
    });
  }
});
