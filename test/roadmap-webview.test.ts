// The roadmap webview at scale, in Chromium: the panel's own HTML and media/roadmap.js with the
// bundled Mermaid, fed the render message the extension sends for a generated 300-measure
// repository. A large roadmap arrives in chunks; the webview draws only those near the visible
// area, the rest when scrolled to, and after an edit only the chunk whose source changed
// (docs/vscode.md, "Roadmap"). What the user sees is read from the page: drawn SVGs, their
// labels, the bar of the edited measure, the exported SVGs.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { loadWorkspace } from '../cli/load';
import type { LintResult } from '../strategy/index';
import { needChromium } from './helpers/environment';
import { openStubbedRoadmapPanel } from './helpers/roadmap-panel';

const PROJECT = resolve(__dirname, '..');
const CSP_SOURCE = 'https://webview.test';
const AS_OF = '2026-06-01';

type Posted = Record<string, unknown> & { type: string };

describe('roadmap webview at scale (Chromium)', function () {
  this.timeout(180_000);
  let dir = '';
  let result: LintResult;
  let html = '';
  const posted: Posted[] = [];
  let panelMessage: ((m: unknown) => unknown) | undefined;
  let root: { uri: unknown; result: LintResult; fileUri: (p: string) => unknown };
  let browser: Browser | undefined;
  let page: Page;

  before(async function () {
    const executablePath = needChromium(this);
    dir = mkdtempSync(join(tmpdir(), 'strategy-webview-'));
    // The benchmark's generator (an ES module without types), into a temporary folder.
    const { generate } = (await import(pathToFileURL(join(PROJECT, 'bench', 'generate.mjs')).href)) as { generate: (n: number, o: { dir: string }) => string };
    generate(300, { dir });
    result = loadWorkspace(dir).lint({ asOf: AS_OF });

    // The panel as the extension builds it, with a stub of the `vscode` API that records messages.
    const panel = openStubbedRoadmapPanel({ cspSource: CSP_SOURCE, dir, result, type: 'gantt', posted });
    html = panel.html;
    root = panel.root;
    panelMessage = panel.toPanel;

    browser = await (require('playwright-core') as typeof import('playwright-core')).chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `${CSP_SOURCE}/index.html`) return route.fulfill({ contentType: 'text/html', body: html });
      const m = /^https:\/\/webview\.test\/media\/([\w.-]+)$/.exec(url);
      if (m) return route.fulfill({ body: readFileSync(join(PROJECT, 'media', m[1])), contentType: m[1].endsWith('.css') ? 'text/css' : 'text/javascript' });
      return route.abort();
    });
    // Messages from the webview go to the panel (as VS Code does) and into window.__posted.
    await page.exposeFunction('__toExtension', (m: Posted) => panelMessage?.(m));
    await page.addInitScript(
      'window.__posted = []; window.acquireVsCodeApi = function () { return { postMessage: function (m) { window.__posted.push(m); window.__toExtension(m); }, getState: function () {}, setState: function () {} }; };',
    );
    await page.goto(`${CSP_SOURCE}/index.html`);
    await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'ready'));
    for (let i = 0; i < 100 && !posted.some((m) => m.type === 'render'); i++) await new Promise((r) => setTimeout(r, 50));
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Forwards the extension's newest render message to the page and waits for the webview's report of it. */
  async function deliver(): Promise<Posted> {
    const render = posted.filter((m) => m.type === 'render').pop()!;
    posted.length = 0; // the same array: the stubbed panel keeps pushing into it
    await page.evaluate((msg) => window.postMessage(msg, '*'), render);
    await page.waitForFunction((v) => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'rendered' && m.version === v), render.version, { timeout: 120_000 });
    return page.evaluate((v) => (window as unknown as { __posted: Posted[] }).__posted.find((m) => m.type === 'rendered' && m.version === v)!, render.version);
  }

  const chunkState = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('#diagrams > .diagram')).map((d) => ({ drawn: !!d.querySelector(':scope > svg'), height: d.getBoundingClientRect().height, text: d.querySelector(':scope > svg')?.textContent ?? '' })),
    );

  it('draws only the chunks near the view; the others hold their place', async () => {
    const report = await deliver();
    const chunks = await chunkState();
    assert.ok(chunks.length >= 4, `a 300-measure gantt comes in several chunks (got ${chunks.length})`);
    assert.equal(report.total, chunks.length);
    assert.ok(chunks[0].drawn, 'the first chunk is drawn');
    assert.ok(!chunks[chunks.length - 1].drawn, 'the last chunk, far below, is not drawn yet');
    assert.ok(chunks.every((c) => c.height > 100), 'every chunk has a height (placeholders included), so the scroll bar is about right');
    assert.equal(report.count, chunks.filter((c) => c.drawn).length);
  });

  it('draws a chunk when it is scrolled to', async () => {
    await page.evaluate(() => {
      const main = document.querySelector('#diagrams')!;
      main.scrollTop = main.scrollHeight;
    });
    await page.waitForFunction(() => {
      const chunks = Array.from(document.querySelectorAll('#diagrams > .diagram'));
      return !!chunks[chunks.length - 1].querySelector(':scope > svg');
    }, undefined, { timeout: 60_000 });
    const chunks = await chunkState();
    const last = result.model.fields[result.model.fields.length - 1];
    assert.ok(chunks[chunks.length - 1].text.includes(last.title.slice(0, 10)) || chunks[chunks.length - 1].text.length > 100, 'the last chunk shows its bars');
    assert.ok(chunks.some((c) => !c.drawn), 'chunks in between, never in view, are still not drawn');
    await page.evaluate(() => (document.querySelector('#diagrams')!.scrollTop = 0));
  });

  it('after an edit draws only the chunk whose source changed, and Undo comes from the cache', async () => {
    // Mark the drawn SVGs: an unchanged chunk keeps its very element.
    await page.evaluate(() => document.querySelectorAll('#diagrams > .diagram > svg').forEach((s) => s.setAttribute('data-old', '1')));
    const measure = result.model.measures.find((m) => m.field?.id === result.model.fields[0].id && m.start && m.end)!;
    const before = result;
    // An edit: the measure's title changes (as typed in the editor and linted again).
    const renamed = { ...measure, title: 'Umbenannt im Editor' };
    root.result = { ...before, model: { ...before.model, measures: before.model.measures.map((m) => (m === measure ? renamed : m)) } } as LintResult;
    await panelMessage?.({ type: 'setFilter', filter: {} }); // the panel computes the roadmap again, as after a lint
    const sent = posted.filter((m) => m.type === 'render').pop()!;
    assert.equal((sent.sources as Array<string | null>).filter((x) => x !== null).length, 1, 'the extension sends only the changed chunk');
    const report = await deliver();
    assert.equal(report.drawn, 1, `only the edited chunk is drawn again: ${JSON.stringify(report)}`);
    const state = await page.evaluate(() => Array.from(document.querySelectorAll('#diagrams > .diagram > svg')).map((s) => ({ old: s.hasAttribute('data-old'), text: s.textContent ?? '' })));
    assert.ok(state.some((s) => !s.old && s.text.includes('Umbenannt im Editor')), 'the new title is drawn');
    assert.ok(state.filter((s) => s.old).length >= 1, 'the other drawn chunks are kept as they were');

    root.result = before;
    await panelMessage?.({ type: 'setFilter', filter: {} });
    const undo = await deliver();
    assert.equal(undo.drawn, 0, `Undo draws nothing new: ${JSON.stringify(undo)}`);
    assert.ok((undo.cached as number) >= 1);
    const text = await page.evaluate(() => document.querySelector('#diagrams')!.textContent ?? '');
    assert.ok(!text.includes('Umbenannt im Editor') && text.includes(measure.title.slice(0, 12)), 'the old title is back');
  });

  it('a click on a bar asks the extension to open its measure (node ids after updates that left the node map out)', async () => {
    const bar = await page.evaluate(() => {
      const text = Array.from(document.querySelectorAll('#diagrams > .diagram:first-child > svg text')).find((t) => /-m\d+-text$/.test(t.id))!;
      return { id: text.id, label: (text.textContent ?? '').trim() };
    });
    await page.evaluate(() => ((window as unknown as { __posted: Posted[] }).__posted = []));
    await page.click(`#${bar.id}`);
    await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'open'), undefined, { timeout: 10_000 });
    const open = await page.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted.find((m) => m.type === 'open')!);
    const measure = result.model.measures.find((m) => m.id === open.measure);
    assert.ok(measure, `a measure id: ${String(open.measure)}`);
    assert.ok(bar.label.endsWith(String(measure.title)), `the bar "${bar.label}" is the measure ${measure.id} ("${String(measure.title)}")`);
  });

  it('zooms drawn chunks and placeholders alike', async () => {
    const before = await chunkState();
    await page.click('#zoom-in');
    const after = await chunkState();
    assert.ok(after[0].height > before[0].height * 1.15, `drawn chunk ${before[0].height} → ${after[0].height}`);
    const i = before.findIndex((c) => !c.drawn);
    if (i >= 0 && !after[i].drawn) assert.ok(after[i].height > before[i].height * 1.15, `placeholder ${before[i].height} → ${after[i].height}`);
    await page.click('#zoom-reset');
  });

  it('the dependency view comes in chunks too, drawn near the view', async () => {
    posted.length = 0; // the same array: the stubbed panel keeps pushing into it
    await page.selectOption('#type', 'dependencies'); // the webview asks the extension, which computes and sends
    for (let i = 0; i < 100 && !posted.some((m) => m.type === 'render'); i++) await new Promise((r) => setTimeout(r, 50));
    const report = await deliver();
    const chunks = await chunkState();
    assert.ok(chunks.length >= 2 && report.total === chunks.length, `dependency chunks: ${chunks.length}`);
    assert.ok(await page.evaluate(() => !!document.querySelector('#diagrams > .diagram:first-child > svg g.node')), 'the first chunk is a drawn flowchart');
    assert.ok(!chunks[chunks.length - 1].drawn, 'the last chunk waits until scrolled to');
    posted.length = 0; // the same array: the stubbed panel keeps pushing into it
    await page.selectOption('#type', 'gantt');
    for (let i = 0; i < 100 && !posted.some((m) => m.type === 'render'); i++) await new Promise((r) => setTimeout(r, 50));
    await deliver();
  });

  it('exports the whole roadmap: chunks not drawn yet are drawn first', async () => {
    const total = (await chunkState()).length;
    await page.evaluate(() => ((window as unknown as { __posted: Posted[] }).__posted = []));
    await page.click('#export');
    await page.waitForFunction(() => (window as unknown as { __posted: Posted[] }).__posted.some((m) => m.type === 'exportSvg'), undefined, { timeout: 120_000 });
    const svgs = await page.evaluate(() => (window as unknown as { __posted: Array<{ type: string; svgs?: string[] }> }).__posted.find((m) => m.type === 'exportSvg')!.svgs!);
    assert.equal(svgs.length, total);
    assert.ok(svgs.every((s) => s.startsWith('<svg') && s.includes('</svg>')));
  });
});
