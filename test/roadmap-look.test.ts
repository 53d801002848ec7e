// What a reader sees in the roadmap diagrams (issue 13): the Mermaid sources are rendered in
// headless Chromium as the CLI does (cli/render/browser.ts) and the assertions look at the drawn
// SVG – bounding boxes, computed styles, positions and texts – not at the Mermaid text.
import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { prepareMermaidPage, withPage } from '../cli/render/browser';
import { StrategyWorkspace, type LintResult } from '../strategy/index';
import { roadmapDiagrams, type RoadmapOptions } from '../strategy/diagrams/index';
import { aiRoadmap } from '../strategy/report/roadmap';
import { roadmapHtml } from '../cli/render/html';
import { loadWorkspace } from '../cli/load';
import { needChromium } from './helpers/environment';
import { join } from 'node:path';

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

const STYLES = `({ ids, props }) => Object.fromEntries(ids.map((id) => {
  const el = document.getElementById('r-' + id);
  const cs = el && getComputedStyle(el);
  return [id, cs ? Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])) : null];
}))`;

/** Computed styles of the rendered elements `r-<id>` (after `render`). */
async function styles(page: Page, ids: string[], props: string[]): Promise<Record<string, Record<string, string> | null>> {
  return page.evaluate(`(${STYLES})(${JSON.stringify({ ids, props })})`) as Promise<Record<string, Record<string, string> | null>>;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

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

  it('gantt: no section title is drawn over a bar or milestone, however long (wrapped and shortened to fit)', async () => {
    const fields = [
      ['lang', 'Infrastruktur, IT-Sicherheit und Rechenzentrumsbetrieb der Stadtverwaltung einschließlich Schulen und Eigenbetriebe'],
      ['breit', 'WWW MMM WWW MMM WWW MMM WWW MMM WWW MMM WWW MMM'],
      ['einwort', 'Donaudampfschifffahrtsgesellschaftskapitänsmützenabteilungsleitungsvertretung'],
      ['kurz', 'Kultur'],
    ];
    const files: Record<string, string> = {
      'strategy.yaml': `schema: 1\ntitle: T\norganisation: O\nfields:\n${fields.map(([id, title]) => `  - id: ${id}\n    title: ${title}\n`).join('')}`,
    };
    fields.forEach(([id], i) => {
      // One row (a lone bar starting at the left edge), two rows, three rows, and so on.
      for (let j = 0; j <= i; j++) {
        files[`measures/${id}${j}.yaml`] = `id: ${id.toUpperCase()}-${j}\ntitle: Maßnahme ${j}\nfield: ${id}\nstatus: active\nstart: 2024-01-01\nend: 2027-12-31\n${j === 1 ? 'milestones:\n  - { id: a, title: A, date: 2024-01-15 }\n' : ''}`;
      }
    });
    const result = workspace(files);
    for (const asOfMarker of ['milestone', 'line'] as const) {
      const drawn = await render(page, source(result, { type: 'gantt', asOfMarker }), { titles: 'text.sectionTitle', bars: 'rect.task' });
      drawn.titles = drawn.titles.filter((t) => t.text.trim()); // the as-of milestone's row has an empty section
      assert.equal(drawn.titles.length, fields.length);
      assert.ok(drawn.bars.length >= 10);
      for (const t of drawn.titles) {
        for (const b of drawn.bars) assert.ok(!overlap(t, b), `section title „${t.text}“ (x ${t.x}–${t.x + t.width}) is drawn over ${b.id} (x ${b.x}–${b.x + b.width})`);
        for (const o of drawn.titles) if (o !== t) assert.ok(!overlap(t, o), `„${t.text}“ and „${o.text}“ overlap`);
      }
      assert.ok(drawn.titles.some((t) => t.text.endsWith('…')), 'the longest title is shortened in its one row');
    }
  });

  it('gantt: cancelled and paused bars look different from active, planned and completed ones', async () => {
    const statuses = ['active', 'planned', 'completed', 'paused', 'cancelled'];
    const result = workspace(Object.fromEntries(statuses.map((status, i) => [`measures/m${i}.yaml`, `id: ${status.toUpperCase()}\ntitle: ${status}\nstatus: ${status}\nstart: 2025-0${i + 1}-01\nend: 2026-12-31\n`])));
    const [d] = roadmapDiagrams(result, { type: 'gantt', asOf: AS_OF, lang: 'de' });
    const idOf = Object.fromEntries(Object.entries(d.nodes).map(([id, n]) => [n.measure.toLowerCase(), id]));
    await render(page, d.source, {});
    const bars = await styles(page, statuses.map((s) => idOf[s]), ['fill', 'stroke', 'stroke-dasharray']);
    const texts = await styles(page, statuses.map((s) => `${idOf[s]}-text`), ['fill', 'text-decoration-line', 'font-style']);
    const look = (s: string) => JSON.stringify([bars[idOf[s]], texts[`${idOf[s]}-text`]]);
    assert.equal(new Set(statuses.map(look)).size, statuses.length, statuses.map((s) => `${s}: ${look(s)}`).join('\n'));
    assert.notEqual(bars[idOf.cancelled]!['stroke-dasharray'], 'none', 'cancelled: dashed border');
    assert.notEqual(bars[idOf.paused]!['stroke-dasharray'], 'none', 'paused: dotted border');
    assert.notEqual(bars[idOf.cancelled]!['stroke-dasharray'], bars[idOf.paused]!['stroke-dasharray']);
    for (const s of ['active', 'planned', 'completed']) assert.equal(bars[idOf[s]]!['stroke-dasharray'], 'none', `${s}: solid border`);
    assert.equal(texts[`${idOf.cancelled}-text`]!['text-decoration-line'], 'line-through', 'a cancelled title is struck through');
    // The label stays readable on the light fill: dark text.
    for (const s of ['paused', 'cancelled']) assert.match(texts[`${idOf[s]}-text`]!.fill, /^rgb\((\d{1,2}), (\d{1,2}), (\d{1,2})\)$/, `${s}: dark text`);
  });

  /** The x of `day` on the drawn time axis, from a bar whose first and last day are known. */
  function xOf(day: string, bar: Box, first: string, last: string): number {
    const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
    const end = t(last) + 86_400_000; // inclusive end dates: the bar ends after its last day
    return bar.x + ((t(day) - t(first)) / (end - t(first))) * bar.width;
  }

  for (const [lang, label] of [['de', 'Stand 26.11.2025'], ['en', 'As of 2025-11-26']] as const) {
    it(`gantt: the as-of line is drawn at the as-of date and labelled „${label}“ (${lang})`, async () => {
      const result = workspace({
        'measures/a.yaml': 'id: A\ntitle: Ganzes Jahr\nstatus: active\nstart: 2025-01-01\nend: 2025-12-31\n',
        'measures/b.yaml': 'id: B\ntitle: Danach\nstatus: planned\nstart: 2026-01-01\nend: 2026-06-30\n',
      });
      const [d] = roadmapDiagrams(result, { type: 'gantt', asOf: AS_OF, lang, asOfMarker: 'line' });
      const bar = Object.keys(d.nodes).find((id) => d.nodes[id].measure === 'A')!;
      const drawn = await render(page, d.source, { line: 'rect[id="r-asof"]', label: '[id="r-asof-text"]', bar: `rect[id="r-${bar}"]` });
      assert.equal(drawn.line.length, 1, 'one line');
      const [line] = drawn.line;
      assert.match(line.cls, /\bvert\b/, 'a vertical marker, not a milestone');
      assert.ok(line.height > 3 * line.width && line.height > 40, `a line across the chart (${line.width}×${line.height})`);
      const expected = xOf(AS_OF, drawn.bar[0], '2025-01-01', '2025-12-31');
      assert.ok(Math.abs(line.x + line.width / 2 - expected) < 2, `line at x ${line.x + line.width / 2}, the as-of date is at x ${expected}`);
      assert.equal(drawn.label[0].text.trim(), label);
      assert.ok(Math.abs(drawn.label[0].x + drawn.label[0].width / 2 - expected) < 3, 'the label is centred under the line');
    });
  }

  it('council report: its roadmap draws the as-of line (not Mermaid\'s real today) at the reporting date', async () => {
    const asOf = '2026-11-26';
    const result = loadWorkspace(join(__dirname, '..', 'examples', 'herne')).lint({ asOf });
    const diagrams = aiRoadmap(result, 'de');
    assert.ok(diagrams.length > 0);
    for (const d of diagrams) {
      const drawn = await render(page, d.source, { line: 'rect[id="r-asof"]', label: '[id="r-asof-text"]', today: '.today' });
      assert.equal(drawn.line.length, 1);
      assert.match(drawn.line[0].cls, /\bvert\b/, 'a vertical line');
      assert.equal(drawn.label[0].text.trim(), 'Stand 26.11.2026');
      assert.equal(drawn.today.length, 0, 'no marker at the real today');
    }
  });

  // Last: it replaces the page that the tests above share.
  it('roadmap --output .html: the page draws the gantt with its front matter (looks, title column) and the as-of line', async () => {
    const result = workspace({
      'strategy.yaml': 'schema: 1\ntitle: T\norganisation: O\nfields:\n  - id: it\n    title: Infrastruktur, IT-Sicherheit und Rechenzentrumsbetrieb der Stadtverwaltung\n',
      'measures/a.yaml': 'id: A\ntitle: Läuft\nfield: it\nstatus: active\nstart: 2025-01-01\nend: 2026-12-31\n',
      'measures/b.yaml': 'id: B\ntitle: Eingestellt\nfield: it\nstatus: cancelled\nstart: 2025-01-01\nend: 2026-12-31\n',
    });
    const diagrams = roadmapDiagrams(result, { type: 'gantt', asOf: AS_OF, lang: 'de', asOfMarker: 'line' });
    const cancelled = Object.keys(diagrams[0].nodes).find((id) => diagrams[0].nodes[id].measure === 'B')!;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(roadmapHtml(diagrams, { title: 'T', lang: 'de' }), { waitUntil: 'load' });
    await page.waitForFunction('document.querySelectorAll("pre.mermaid svg").length > 0', undefined, { timeout: 60_000 });
    const seen = (await page.evaluate(`(() => {
      const svg = document.querySelector('pre.mermaid svg');
      const bar = svg.querySelector('rect[id$="-${cancelled}"]');
      const box = (e) => { const b = e.getBoundingClientRect(); return { x: b.x, width: b.width }; };
      return {
        dash: getComputedStyle(bar).strokeDasharray,
        title: box(svg.querySelector('text.sectionTitle:not(:empty)')),
        bars: Array.from(svg.querySelectorAll('rect.task:not(.vert)')).map(box),
        line: svg.querySelectorAll('rect.vert').length,
        table: document.querySelector('table caption').textContent,
      };
    })()`)) as { dash: string; title: { x: number; width: number }; bars: Array<{ x: number; width: number }>; line: number; table: string };
    assert.deepEqual(errors, []);
    assert.notEqual(seen.dash, 'none', 'the cancelled bar is dashed on the page too');
    for (const b of seen.bars) assert.ok(seen.title.x + seen.title.width <= b.x, `the section title ends (${seen.title.x + seen.title.width}) before the bars begin (${b.x})`);
    assert.equal(seen.line, 1, 'the as-of line');
    assert.equal(seen.table, 'Textfassung: T');
  });
});
