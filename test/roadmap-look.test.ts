// What a reader sees in the roadmap diagrams (issue 13): the Mermaid sources are rendered in
// headless Chromium as the CLI does (cli/render/browser.ts) and the assertions look at the drawn
// SVG – bounding boxes, computed styles, positions and texts – not at the Mermaid text.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { prepareMermaidPage, withPage } from '../cli/render/browser';
import { StrategyWorkspace, type LintResult } from '../strategy/index';
import { roadmapDiagrams, type RoadmapOptions } from '../strategy/diagrams/index';
import { needChromium } from './helpers/environment';

const AS_OF = '2025-11-26';

function workspace(files: Record<string, string>): LintResult {
  const ws = new StrategyWorkspace();
  ws.setFile('strategy.yaml', files['strategy.yaml'] ?? 'schema: 1\ntitle: T\norganisation: O\n');
  for (const [name, text] of Object.entries(files)) if (name !== 'strategy.yaml') ws.setFile(name, text);
  return ws.lint({ asOf: AS_OF });
}

function source(result: LintResult, options: Partial<RoadmapOptions> & Pick<RoadmapOptions, 'type'>): string {
  const [d, ...rest] = roadmapDiagrams(result, { asOf: AS_OF, lang: 'de', ...options });
  assert.equal(rest.length, 0);
  return d.source;
}

interface Box {
  id: string;
  cls: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

// The page scripts are strings: tsx would add helpers (`__name`) to functions passed to the page.
const RENDER = `async ({ source, selectors }) => {
  const { svg } = await mermaid.render('r', source);
  document.body.innerHTML = svg;
  const box = (e) => { const b = e.getBBox(); const m = e.getCTM(); return { id: e.id, cls: e.getAttribute('class') || '', text: e.textContent || '', x: b.x + m.e, y: b.y + m.f, width: b.width, height: b.height }; };
  const out = {};
  for (const [name, sel] of Object.entries(selectors)) out[name] = Array.from(document.querySelectorAll(sel)).map(box);
  return out;
}`;

/** Renders one source and returns the boxes (in SVG user units) of the elements each selector finds. */
async function render<K extends string>(page: Page, src: string, selectors: Record<K, string>): Promise<Record<K, Box[]>> {
  return page.evaluate(`(${RENDER})(${JSON.stringify({ source: src, selectors })})`) as Promise<Record<K, Box[]>>;
}

describe('roadmap diagrams as drawn in Chromium (issue 13)', function () {
  this.timeout(240_000);
  let page: Page;
  let done: () => void;
  let closed: Promise<unknown>;

  before(async function () {
    needChromium(this);
    // One browser for the whole file: the page stays open until `after`.
    let ready!: (p: Page) => void;
    const opened = new Promise<Page>((resolve) => (ready = resolve));
    closed = withPage(async (p) => {
      await prepareMermaidPage(p);
      ready(p);
      await new Promise<void>((resolve) => (done = resolve));
    });
    page = await Promise.race([opened, closed.then(() => Promise.reject(new Error('browser closed')))]);
  });

  after(async () => {
    done?.();
    await closed;
  });

  it('dependency view: ids over 84 characters that differ only in the middle are drawn as different texts', async () => {
    const prefix = 'ALGORITHMEREGISTER-GEMEENTE-AMSTERDAM-OPENBARE-RUIMTE-';
    const suffix = '-ALGORITME-VOOR-HANDHAVING-EN-PARKEERCONTROLE-VERSIE-2024';
    const ids = ['0001', '0002', '0100'].map((n) => `${prefix}${n}${suffix}`);
    const result = workspace(Object.fromEntries(ids.map((id, i) => [`measures/m${i}.yaml`, `id: ${id}\ntitle: Gleicher Titel\nstatus: active\n${i ? `depends_on: [${ids[0]}]\n` : ''}`])));
    const drawn = await render(page, source(result, { type: 'dependencies' }), { nodes: 'g.node' });
    const measures = drawn.nodes.filter((n) => n.text.includes('Gleicher Titel'));
    assert.equal(measures.length, 3);
    assert.equal(new Set(measures.map((n) => n.text)).size, 3, measures.map((n) => n.text).join(' | '));
    for (const n of ['0001', '0002', '0100']) assert.equal(measures.filter((m) => m.text.includes(n)).length, 1, `${n} is visible in one node`);
    assert.equal(new Set(drawn.nodes.map((n) => n.id)).size, drawn.nodes.length, 'no two nodes share an id');
  });
});
