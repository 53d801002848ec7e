// HTML reports: one self-contained, accessible file (headings, tables with captions and header
// scopes, A4 print CSS) that loads nothing from anywhere, with user text kept as text.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { loadWorkspace } from '../cli/load';
import { reportToHtml, inlineScript, type DiagramMode } from '../cli/report/html';
import { buildReport, REPORT_KINDS, type ReportKind } from '../strategy/report/index';
import type { Lang } from '../strategy/types';
import type { RootContent } from 'mdast';

const FIXTURE = join(__dirname, 'fixtures', 'report', 'musterstadt');
const AS_OF = '2026-11-26';
const FAKE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" id="roadmap-1" role="graphics-document document" aria-roledescription="gantt"><text>Roadmap</text></svg>';

function html(kind: ReportKind, lang: Lang, diagrams: DiagramMode = { kind: 'svg', svgs: new Map([['roadmap-1', FAKE_SVG]]) }, change?: (ws: ReturnType<typeof loadWorkspace>) => void): string {
  const ws = loadWorkspace(FIXTURE);
  change?.(ws);
  return reportToHtml(buildReport(ws.lint({ asOf: AS_OF }), kind, { lang }), { diagrams, generator: 'test' });
}

/** Every `<table>…</table>` of a document. */
function tables(doc: string): string[] {
  return doc.match(/<table>[\s\S]*?<\/table>/g) ?? [];
}

/** Nothing that a browser would fetch: no remote (or protocol-relative) src/href, no external scripts or styles. */
function assertOffline(doc: string): void {
  // Only real tags count: user text such as `<a href="https://…">` is escaped (`&#x3C;a …`) and is no tag.
  const tags = doc.match(/<[a-z][a-z0-9-]*\b[^>]*>/gi) ?? [];
  const remote = tags.filter((t) => /\s(?:src|href|xlink:href|srcset|action|poster|data)\s*=\s*["']?\s*(?:https?:|\/\/)/i.test(t));
  assert.deepEqual(remote, [], 'remote URL in an attribute');
  assert.doesNotMatch(doc, /<script\b[^>]*\bsrc\s*=/i, 'external script');
  assert.doesNotMatch(doc, /<link\b/i, 'external stylesheet or preload');
  assert.doesNotMatch(doc, /@import|url\(\s*["']?\s*(?:https?:|\/\/)/i, 'remote resource in CSS');
  assert.doesNotMatch(doc, /<iframe|<object|<embed/i);
}

describe('report HTML: structure', () => {
  const doc = html('council', 'de');

  // Issue 12, break 13: the report gets a Content-Security-Policy like the roadmap page's.
  it('has a Content-Security-Policy: no network; no script at all when the diagrams are pre-rendered', () => {
    const csp = (page: string) => /<meta http-equiv="content-security-policy" content="([^"]*)">/i.exec(page)?.[1]?.replace(/&#x27;/g, "'");
    assert.equal(csp(doc), "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:");
    assert.equal(csp(html('council', 'de', { kind: 'script', mermaidJs: 'window.mermaid = {};' })), "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:");
  });

  it('is one complete document in the report language', () => {
    assert.match(doc, /^<!doctype html><html lang="de"><head><meta charset="utf-8">/);
    assert.match(doc, /<title>Bericht an den Rat: Digitalstrategie der Musterstadt<\/title>/);
    assert.match(doc, /<main>/);
    assert.equal((doc.match(/<h1>/g) ?? []).length, 1);
    assert.match(html('council', 'en'), /<html lang="en">/);
  });

  it('keeps the five questions as headings, in order, between the overview and the closing parts', () => {
    const h2 = [...doc.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    const questions = h2.filter((h) => h.startsWith('Frage'));
    assert.deepEqual(questions, ['Frage 1: KI-Anwendungen im Einsatz und in Erprobung', 'Frage 2: Pilotprojekte und Kooperationen', 'Frage 3: KI in der Digitalstrategie', 'Frage 4: Fördermittel', 'Frage 5: Ethik, Recht und Datenschutz']);
    assert.ok(h2.indexOf('Auf einen Blick') < h2.indexOf(questions[0]) && h2.indexOf('Finanzielle Auswirkungen') > h2.indexOf(questions[4]));
  });

  it('gives every table a caption, column headers with scope and row headers', () => {
    for (const kind of REPORT_KINDS) {
      const all = tables(html(kind, 'de'));
      assert.ok(all.length > 0, kind);
      for (const t of all) {
        assert.match(t, /^<table><caption>[^<]+<\/caption>/, `${kind}: table without caption: ${t.slice(0, 120)}`);
        const head = /<thead>([\s\S]*?)<\/thead>/.exec(t)?.[1] ?? '';
        assert.ok(head.includes('<th'), `${kind}: table without header row`);
        assert.doesNotMatch(head, /<th(?![^>]*scope="col")[^>]*>/, `${kind}: column header without scope`);
        assert.doesNotMatch(head, /<td/, `${kind}: data cell in the header row`);
      }
    }
    const chatbots = tables(doc).find((t) => t.includes('<caption>KI-Anwendungen im Einsatz oder in Erprobung: Chatbots</caption>'));
    assert.ok(chatbots);
    assert.match(chatbots, /<tbody>\s*<tr>\s*<th scope="row">Bürger-Chatbot „Frag die Stadt“ \(<code>KI-CHATBOT<\/code>\)<\/th>/);
  });

  it('marks sum rows and right-aligns amounts', () => {
    const programmes = tables(doc).find((t) => t.includes('<caption>Fördermittel nach Programm und Status</caption>'))!;
    // (A long word of a wide table may break anywhere: cli/report/long-words.ts.)
    assert.match(programmes, /<tr class="total">\s*<th scope="row"><strong>Summe (?:<span class="long-word">)?Fördermittel(?:<\/span>)?<\/strong><\/th>/);
    assert.match(programmes, /<td align="right"><strong>1\.250\.000\s€<\/strong><\/td>/);
  });

  it('has print CSS for A4 (landscape for the wide AI register)', () => {
    assert.match(doc, /@media print \{[\s\S]*@page \{ size: A4; /);
    assert.match(doc, /thead \{ display: table-header-group; \}/);
    assert.match(html('inventory', 'de'), /@page \{ size: A4 landscape;/);
  });
});

describe('report HTML: offline and safe', () => {
  it('the offline check itself catches remote resources', () => {
    for (const bad of ['<img src="https://x.example/a.png">', '<script src="//cdn.example/m.js"></script>', '<link rel="stylesheet" href="a.css">', '<style>@import "https://x";</style>', '<svg><image xlink:href="http://x/a.png"/></svg>'])
      assert.throws(() => assertOffline(`<p>${bad}</p>`), bad);
    assertOffline('<p>&#x3C;img src="https://x.example/a.png"></p>');
  });

  it('loads nothing: inline styles, inline SVG, no remote URLs', () => {
    for (const kind of REPORT_KINDS) assertOffline(html(kind, 'de'));
    const doc = html('council', 'de');
    assert.ok(doc.includes(FAKE_SVG), 'the rendered roadmap is inlined');
    assert.doesNotMatch(doc, /<script/i, 'no script needed when the roadmap is SVG');
    assert.doesNotMatch(doc, /<pre class="mermaid">/);
  });

  it('without a rendered SVG, inlines the Mermaid bundle and keeps the source as text', () => {
    const js = 'window.mermaid = { initialize() {}, run() {} }; var s = "</script><!-- x";';
    const doc = html('council', 'de', { kind: 'script', mermaidJs: js });
    assertOffline(doc);
    assert.equal((doc.match(/<script>/g) ?? []).length, 2);
    assert.ok(doc.includes('var s = "\\x3C/script>\\x3C!-- x";'), 'the bundle cannot end its own script element');
    const pre = /<pre class="mermaid">([\s\S]*?)<\/pre>/.exec(doc)?.[1] ?? '';
    assert.match(pre, /^(?:---\n[\s\S]*?\n---\n)?gantt\n/, 'a gantt, after its front matter (strategy/diagrams/gantt-look.ts)');
    assert.doesNotMatch(pre, /<(?!\/)/, 'diagram source is escaped text');
    assert.match(doc, /securityLevel: "strict"/);
  });

  it('escapes "</script" and "<!--" in inline scripts without changing their meaning', () => {
    const src = 'var a = "</script>"; var b = /<!--/u; var c = `</SCRIPT`;';
    const out = inlineScript(src);
    assert.doesNotMatch(out, /<\/script|<!--/i);
    const run = (code: string) => new Function(`${code}; return [a, b.test('<!--'), b.test('x'), c];`)();
    assert.deepEqual(run(out), run(src));
  });

  it('keeps user text as text: no injected elements, attributes or links', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3)) <a href="https://evil.example">a</a>';
    const doc = html('council', 'de', { kind: 'svg', svgs: new Map([['roadmap-1', FAKE_SVG]]) }, (ws) =>
      ws.setFile('measures/evil.yaml', `id: EVIL\ntitle: ${JSON.stringify(evil)}\nstatus: active\nowner: ${JSON.stringify(evil)}\nai: {category: chatbot, risk: limited, purpose: ${JSON.stringify(evil)}}\n`),
    );
    const tags = doc.match(/<[a-z][^>]*>/gi) ?? [];
    assert.deepEqual(tags.filter((t) => /^<(script|img|a)\b/i.test(t) || /\s(on\w+|href|src)=/i.test(t)), [], 'user text became an element or attribute');
    assert.ok(doc.includes('&#x3C;script>alert(1)&#x3C;/script>'), 'the title is shown as text');
    assert.ok(doc.includes('[x](javascript:alert(3))'), 'Markdown syntax stays literal');
    assertOffline(doc);
  });

  it('carries the roadmap as a diagram by id: a `diagram` node in the tree, its entry in `diagrams`', () => {
    const doc = buildReport(loadWorkspace(FIXTURE).lint({ asOf: AS_OF }), 'council', { lang: 'de' });
    assert.deepEqual(
      doc.diagrams.map((d) => [d.id, d.kind]),
      [['roadmap-1', 'gantt']],
    );
    const [d] = doc.diagrams;
    assert.match(d.source, /^(?:---\n[\s\S]*?\n---\n)?gantt\n/);
    assert.ok(d.alt.length > 0 && d.caption.length > 0);
    assert.ok(d.textAlternative.some((n) => n.type === 'table'), 'the same facts as a table');
    const refs: string[] = [];
    const codes: string[] = [];
    const walk = (nodes: RootContent[]) =>
      nodes.forEach((n) => {
        if (n.type === 'diagram') refs.push(n.id);
        if (n.type === 'code') codes.push(n.lang ?? '');
        if ('children' in n) walk(n.children as RootContent[]);
      });
    walk(doc.tree.children);
    assert.deepEqual(refs, ['roadmap-1']);
    assert.deepEqual(codes, [], 'no Mermaid code block in the tree');
    assert.deepEqual(buildReport(loadWorkspace(FIXTURE).lint({ asOf: AS_OF }), 'funding', {}).diagrams, []);
  });

  it('puts each SVG where its diagram stands, by id, with the alt text; a diagram without one keeps its source', () => {
    const doc = buildReport(loadWorkspace(FIXTURE).lint({ asOf: AS_OF }), 'council', { lang: 'en' });
    const [d] = doc.diagrams;
    const page = reportToHtml(doc, { diagrams: { kind: 'svg', svgs: new Map([[d.id, FAKE_SVG]]) } });
    const figure = /<figure class="diagram" aria-label="([^"]*)">([\s\S]*?)<\/figure>/.exec(page);
    assert.ok(figure, 'a figure');
    assert.equal(figure[2], FAKE_SVG);
    assert.ok(page.indexOf(FAKE_SVG) < page.indexOf(`<caption>${d.textAlternative.flatMap((n) => (n.type === 'table' ? [n.data?.caption] : []))[0]}`), 'the text alternative follows the drawing');
    const other = reportToHtml(doc, { diagrams: { kind: 'svg', svgs: new Map([['gantt-1', FAKE_SVG]]) } });
    assert.ok(!other.includes(FAKE_SVG), 'an SVG of another id is not used');
    assert.match(other, /<figure class="diagram" aria-label="[^"]*"><pre class="mermaid">(?:---\n[\s\S]*?\n---\n)?gantt/);
  });

});
