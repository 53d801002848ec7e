// Rendering in headless Chromium (cli/render/browser.ts): the roadmaps of the hostile fixture
// become SVGs whose user text is text (no element, attribute or handler came from it), PNGs are
// PNGs, the .html page renders offline, and printToPdf writes a PDF. Needs Chromium: CI installs
// `chromium`; locally the tests are skipped when none is found (STRATEGY_CHROMIUM to point at one).
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkspace } from '../cli/load';
import { printToPdf, renderMermaidToPng, renderMermaidToSvg, withPage } from '../cli/render/browser';
import { roadmapHtml } from '../cli/render/html';
import { roadmapDiagrams } from '../strategy/diagrams/index';
import { FIXTURES } from './helpers/fixtures';
import { needChromium } from './helpers/environment';

const AS_OF = '2025-11-26';

describe('roadmap rendering in Chromium', function () {
  this.timeout(240_000);
  const hostile = loadWorkspace(join(FIXTURES, 'roadmap', 'hostile')).lint({ asOf: AS_OF });
  const basic = loadWorkspace(join(FIXTURES, 'roadmap', 'basic')).lint({ asOf: AS_OF });
  const sources = (['gantt', 'dependencies', 'timeline'] as const).map((type) => roadmapDiagrams(hostile, { type, asOf: AS_OF, lang: 'de', asOfMarker: 'line' })[0].source);

  before(function () {
    needChromium(this);
  });

  it('renders the hostile gantt, dependency and timeline diagrams to SVG in which user text stays text', async () => {
    const svgs = await renderMermaidToSvg(sources);
    assert.equal(svgs.length, 3);
    for (const svg of svgs) assert.match(svg, /^<svg[^>]+viewBox=/);
    const report = await withPage(async (page) => {
      await page.setContent(`<!doctype html><body>${svgs.map((s, i) => `<div id="d${i}">${s}</div>`).join('')}</body>`);
      return page.evaluate(() => {
        const all = Array.from(document.querySelectorAll('svg *'));
        return {
          dangerous: document.querySelectorAll('svg script, svg iframe, svg img, svg object, svg embed, svg a[href], svg [href^="javascript"]').length,
          handlers: all.filter((e) => Array.from(e.attributes).some((a) => a.name.toLowerCase().startsWith('on'))).length,
          bold: document.querySelectorAll('svg b, svg i').length,
          texts: [0, 1, 2].map((i) => document.getElementById(`d${i}`)!.textContent ?? ''),
        };
      });
    });
    assert.equal(report.dangerous, 0, 'no script, link, image or frame came from user text');
    assert.equal(report.handlers, 0, 'no on… attribute');
    assert.equal(report.bold, 0, '<b>/<i> in titles stay text');
    const [gantt, deps, timeline] = report.texts;
    assert.ok(gantt.includes('%%{init: {"theme": "dark", "securityLevel": "loose"}}%% Strategie: "Titel" #1; <script>alert(1)</script>'), 'the title, verbatim');
    assert.ok(gantt.includes('section Injected Section'), 'a keyword at the start of a title is text');
    assert.ok(deps.includes("<script>alert('x')</script><img"), 'HTML in a node label is shown as text');
    assert.ok(deps.includes('click click call alert("x")'));
    // The timeline wraps event text into one <tspan> per line, so compare without spaces.
    const squash = (s: string) => s.replace(/\s+/g, '');
    assert.ok(squash(timeline).includes(squash('Milestone "quoted": #42; 50% done; <b>bold</b>')), 'quotes, #, ;, % and HTML in a milestone');
  });

  it('renders PNG images', async () => {
    const sourcesBasic = roadmapDiagrams(basic, { type: 'gantt', asOf: AS_OF, lang: 'de' }).map((d) => d.source);
    const [png] = await renderMermaidToPng(sourcesBasic);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(png.length > 5_000, 'an actual picture, not an empty frame');
  });

  it('the self-contained .html page renders every diagram without any request', async () => {
    const diagrams = roadmapDiagrams(basic, { type: 'dependencies', asOf: AS_OF, lang: 'de' });
    const html = roadmapHtml(diagrams, { title: 'Test', lang: 'de' });
    const result = await withPage(async (page) => {
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.setContent(html, { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelectorAll('pre.mermaid svg').length > 0, undefined, { timeout: 60_000 });
      return { requests, errors, svgs: await page.locator('pre.mermaid svg').count(), text: await page.locator('main').innerText() };
    });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.requests, [], 'offline: nothing fetched');
    assert.equal(result.svgs, diagrams.length);
    assert.ok(result.text.includes('Serviceportal'));
  });

  it('printToPdf writes a PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roadmap-pdf-'));
    try {
      const file = join(dir, 'out.pdf');
      await printToPdf('<!doctype html><meta charset="utf-8"><h1>Größe – Übersicht</h1>', file);
      assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
