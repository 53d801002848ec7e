// User text stays text in every output: Mermaid roadmaps, Markdown and HTML reports (loaded in
// headless Chromium: nothing runs), CSV/JSON export, the lint formats (JSON, SARIF, JUnit, GitHub,
// stylish), notes on stderr and the VS Code roadmap webview. One repository carries the payloads
// in every field a user writes. CLI parts need `node scripts/build.mjs` first (dist/cli.js).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root as MdRoot, RootContent } from 'mdast';
import type { Browser, Page } from 'playwright-core';
import { loadWorkspace } from '../cli/load';
import { sarifText } from '../cli/format/sarif';
import type { LintResult } from '../strategy/index';
import { renderRoadmap, ROADMAP_GROUPS, ROADMAP_TYPES } from '../strategy/diagrams/index';
import { buildReport, reportToMarkdown, REPORT_KINDS } from '../strategy/report/index';
import { assertOwnConfig, parseMermaid } from './helpers/mermaid';
import { needChromium } from './helpers/environment';
import { openStubbedRoadmapPanel } from './helpers/roadmap-panel';
import { validateSarifTextLater } from './helpers/sarif';

const PROJECT = resolve(__dirname, '..');
const CLI = join(PROJECT, 'dist', 'cli.js');
const AS_OF = '2026-06-01';

// ---------------------------------------------------------------------------------------------
// Payloads. Anything that runs sets window.__pwned or opens a dialog.

const RUN = 'window.__pwned=(window.__pwned||0)+1';
const P = {
  script: `<script>${RUN}</script>`,
  img: `<img src=x onerror="${RUN}">`,
  svg: `<svg onload="${RUN}"><circle/></svg>`,
  iframe: `<iframe src="javascript:${RUN}"></iframe>`,
  anchor: `<a href="javascript:${RUN}">klick</a>`,
  mdLink: `[klick](javascript:${RUN})`,
  mdImage: `![bild](javascript:${RUN})`,
  autolink: '<javascript:alert(1)>',
  markdown: '| Spalte | *fett* _kursiv_ `code` # Kopf \\ <b>roh</b> ---',
  mermaidInit: '%%{init: {"securityLevel": "loose", "startOnLoad": true}}%%',
  mermaidBreakout: '"]\nclick m1 call alert(1)\nend\nsubgraph x["',
  mermaidStyle: 'A["x"]:::evil --> B\nstyle m1 fill:#f00\n%% Kommentar',
  csvFormula: '=HYPERLINK("https://evil.example";"klick")',
  ansi: '\x1b[2J\x1b[31mROT\x1b]8;;https://evil.example\x07link\x1b]8;;\x07\x9b31m',
  xml: ']]></failure><testcase name="eingeschleust"/>&amp;\x01\uFFFE',
  github: '\n::error file=x::eingeschleust%0A::warning::',
  ciFile: '::error file=x,line=1::gefälscht',
  ciValue: '##[error]gefälscht',
  // GFM autolink literals: an autolink that swallows the escape would leave the raw <img> behind.
  urls: 'https://evil.example/\\<img src=x onerror=alert(1)> WWW.evil.example boss@evil.example mailto:boss@evil.example',
};

/** A line of a CI log that GitHub Actions or Azure Pipelines would take for a command. */
const CI_COMMAND = /^\s*::|##(?:vso)?\[/m;

/** A strategy repository whose every user-written field carries payloads. */
function writeHostileRepository(dir: string): void {
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write(
    'strategy.yaml',
    stringify({
      schema: 1,
      title: `Strategie ${P.script} ${P.markdown} ${P.urls}`,
      organisation: `Stadt ${P.img}`,
      language: 'de',
      adopted: { date: '2024-02-27', reference: `${P.mdLink} ${P.anchor}` },
      horizon: { start: 2024, end: 2030 },
      ai_literacy: { description: `${P.svg} Schulungen`, since: '2025-01' },
      fields: [
        { id: 'f1', title: `Feld ${P.iframe} ${P.mermaidInit}`, description: P.mdImage },
        { id: 'f2', title: `Feld ${P.mermaidBreakout}` },
      ],
      goals: [{ id: 'g1', title: `KI-Ziel ${P.anchor} ${P.autolink}`, field: 'f1' }],
    }),
  );
  write('partners.yaml', stringify({ partners: [{ id: 'p1', name: `Uni ${P.script}`, kind: 'university', url: `javascript:${RUN}` }] }));
  write('funding.yaml', stringify({ programmes: [{ id: 'prog1', name: `${P.csvFormula}`, provider: 'state', body: P.img, url: `javascript:${RUN}`, notes: P.mdLink, deadline: '2026-07-01' }] }));
  const measure = (data: Record<string, unknown>, body = '') => `---\n${stringify(data)}---\n${body}`;
  write(
    'measures/a.md',
    measure(
      {
        id: 'INJ-A',
        title: `KI ${P.script} ${P.img} ${P.markdown}`,
        field: 'f1',
        goals: ['g1'],
        owner: `${P.ansi} ${P.csvFormula}`,
        status: 'active',
        start: '2025-01',
        end: '2027-12',
        partners: ['p1'],
        cost: 120000,
        funding: [{ source: 'prog1', status: 'applied', amount: 50000, reference: P.xml }],
        privacy: { personal_data: true, dpia: 'in-progress', legal_basis: P.mdImage },
        ai: { category: 'chatbot', risk: 'high', purpose: `${P.anchor} ${P.mermaidStyle}`, vendor: '+49 Anbieter', model: '@modell', human_oversight: P.svg },
        ethics: { review: 'pending', body: P.iframe },
        milestones: [{ id: 'ms1', title: `Meilenstein ${P.mermaidBreakout} ${P.script}`, date: '2026-03', status: 'open' }],
        waivers: [{ rule: 'dpia-missing', reason: `${P.mdLink} ${P.script} ${P.github}`, until: '2027-01' }],
        tags: ['+1', '-2', '@drei', '=4', '\t=5'],
      },
      `\n${P.script}\n\n${P.mdLink}\n`,
    ),
  );
  write(
    'measures/b.yaml',
    stringify({
      id: 'INJ-B',
      title: `Abhängig ${P.mermaidInit} ${P.mermaidStyle} ${P.github}`,
      field: 'f2',
      owner: '-1+1',
      status: 'planned',
      start: '2026',
      end: '2028-Q2',
      depends_on: ['INJ-A', 'INJ-A/ms1'],
      funding: [{ source: 'own', status: 'planned' }],
    }),
  );
  // Ids are user text too: invalid ones are reported, but still drawn and listed.
  write('measures/c.yaml', stringify({ id: `C${P.script}`, title: `Ohne Datum ${P.xml}`, status: 'idea', field: 'f1', ai: { category: 'generation', risk: 'limited' } }));
  write('measures/d.yaml', stringify({ id: `D\x1b[2J\x1b]0;titel\x07`, title: `ANSI ${P.ansi} ${P.urls}`, status: 'planned', field: 'f2' }));
  // CI commands in a file name (a stylish header line starts with it) and in an id and a title.
  write(`measures/${P.ciFile}.yaml`, stringify({ id: P.ciValue, title: `${P.ciValue} [klick](https://evil.example) ::add-mask::geheim`, status: 'planned', field: 'f2' }));
}

/** Every payload fragment that would act if it reached its output raw. */
const ACTIVE = ['<script', '<img', '<svg onload', '<iframe', 'onerror=', 'onload=', 'javascript:'];

function strategy(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...base, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function mdNodes(tree: MdRoot): RootContent[] {
  const out: RootContent[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const n of nodes) {
      out.push(n);
      if ('children' in n) walk(n.children as RootContent[]);
    }
  };
  walk(tree.children);
  return out;
}

describe('injection: user text stays text in every output', function () {
  this.timeout(300_000);
  let dir: string;
  let out: string;
  let result: LintResult;

  before(function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first');
    dir = mkdtempSync(join(tmpdir(), 'strategy-injection-'));
    out = mkdtempSync(join(tmpdir(), 'strategy-injection-out-'));
    writeHostileRepository(dir);
    result = loadWorkspace(dir).lint({ asOf: AS_OF });
    assert.ok(result.model.measureById.has('INJ-A') && result.model.measureById.has('INJ-B'), 'the hostile repository must be read');
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  describe('Mermaid roadmaps', () => {
    it('every type and grouping parses with Mermaid, takes no configuration and has no click, style or raw HTML from user text', async () => {
      for (const type of ROADMAP_TYPES) {
        for (const group of ROADMAP_GROUPS) {
          for (const aiOnly of [false, true]) {
            for (const source of renderRoadmap(result, { type, group, aiOnly, asOf: AS_OF, lang: 'de' })) {
              const parsed = await parseMermaid(source);
              assertOwnConfig(parsed.config, `${type}/${group}: user text set configuration`);
              for (const line of source.split('\n')) {
                assert.doesNotMatch(line, /^\s*(click|%%\{|callback|href)\b/, `${type}/${group}: ${line}`);
              }
              for (const bad of [...ACTIVE, ':::']) assert.ok(!source.includes(bad), `${type}/${group}: "${bad}" reached the diagram`);
            }
          }
        }
      }
    });
  });

  describe('Markdown reports', () => {
    for (const kind of REPORT_KINDS) {
      it(`${kind}: no HTML, no links or images from user text, tables keep their columns; the text is all there`, async () => {
        const md = reportToMarkdown(buildReport(result, kind));
        const tree = unified().use(remarkParse).use(remarkGfm).parse(md) as MdRoot;
        for (const n of mdNodes(tree)) {
          assert.notEqual(n.type, 'html', `raw HTML in the ${kind} report: ${'value' in n ? n.value : ''}`);
          if (n.type === 'link' || n.type === 'image' || n.type === 'definition') {
            assert.match(n.url, /^https:\/\//, `${n.type} to "${n.url}" in the ${kind} report`);
            assert.doesNotMatch(n.url, /evil\.example/, `user text became a ${n.type} to "${n.url}" in the ${kind} report`);
          }
          if (n.type === 'table') {
            const width = n.children[0].children.length;
            for (const row of n.children) assert.equal(row.children.length, width, `a table row of the ${kind} report lost or gained columns: ${toString(row)}`);
          }
          if (n.type === 'code' && n.lang === 'mermaid') assertOwnConfig((await parseMermaid(n.value)).config, kind);
        }
        const text = toString(tree);
        if (kind === 'inventory' || kind === 'council' || kind === 'compliance') {
          assert.ok(text.includes(`KI ${P.script} ${P.img}`), `the measure title is not in the ${kind} report as text`);
        }
      });
    }
  });

  describe('HTML in a browser (headless Chromium): nothing runs', () => {
    let browser: Browser | undefined;

    before(async function () {
      const executablePath = needChromium(this);
      const { chromium } = require('playwright-core') as typeof import('playwright-core');
      browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
    });
    after(async () => browser?.close());

    /** Opens a file offline, waits for `ready`, and checks that no script of the user ran. */
    async function inspect(file: string, ready: (page: Page) => Promise<unknown>): Promise<{ text: string; scripts: number }> {
      const page = await browser!.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      // Nothing may load from the network; a file:// page may only load itself.
      await page.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
      try {
        await page.goto('file://' + file, { waitUntil: 'load' });
        await ready(page);
        await page.waitForTimeout(200);
        const state = await page.evaluate(() => {
          const all = Array.from(document.querySelectorAll('*'));
          return {
            pwned: (window as unknown as { __pwned?: number }).__pwned,
            handlers: all.flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `<${el.tagName.toLowerCase()} ${a.name}="${a.value}">`)),
            jsUrls: all.flatMap((el) => ['href', 'src', 'xlink:href', 'action', 'formaction'].map((n) => el.getAttribute(n) ?? '').filter((v) => /^\s*javascript:/i.test(v))),
            embedded: all.filter((el) => ['IFRAME', 'OBJECT', 'EMBED', 'FORM'].includes(el.tagName.toUpperCase())).length,
            scripts: Array.from(document.scripts).map((s) => s.textContent?.slice(0, 60) ?? ''),
            text: (document.body ? document.body.innerText : '') + Array.from(document.querySelectorAll('svg text, svg foreignObject')).map((e) => e.textContent).join(' '),
          };
        });
        assert.equal(state.pwned, undefined, 'a script from user text ran');
        assert.deepEqual(dialogs, [], 'a dialog was opened');
        assert.deepEqual(state.handlers, [], 'elements with event handlers');
        assert.deepEqual(state.jsUrls, [], 'javascript: URLs');
        assert.equal(state.embedded, 0, 'iframes, objects, embeds or forms');
        for (const s of state.scripts) assert.ok(!s.includes('__pwned'), `a script element holds user text: ${s}`);
        return { text: state.text, scripts: state.scripts.length };
      } finally {
        await page.close();
      }
    }

    for (const type of ROADMAP_TYPES) {
      it(`roadmap --type ${type} --output .html: renders, user text shown as text`, async () => {
        const file = join(out, `roadmap-${type}.html`);
        const run = strategy(['roadmap', '--root', dir, '--type', type, '--as-of', AS_OF, '--output', file]);
        assert.equal(run.status, 0, run.stderr);
        const { text } = await inspect(file, (page) => page.waitForSelector('pre.mermaid svg, figure svg', { timeout: 60_000 }));
        assert.ok(!text.includes('Syntax error'), 'Mermaid could not draw the diagram');
        if (type !== 'timeline') assert.ok(text.includes('<script>'), 'the title with <script> is not shown as text');
      });
    }

    it('roadmap --output .md: GFM with no HTML and no link from user text; the titles are there as text', () => {
      const file = join(out, 'roadmap.md');
      const run = strategy(['roadmap', '--root', dir, '--type', 'gantt', '--as-of', AS_OF, '--output', file]);
      assert.equal(run.status, 0, run.stderr);
      const md = readFileSync(file, 'utf8');
      const tree = unified().use(remarkParse).use(remarkGfm).parse(md) as MdRoot;
      for (const n of mdNodes(tree)) {
        assert.notEqual(n.type, 'html', `raw HTML in the roadmap Markdown: ${'value' in n ? n.value : ''}`);
        assert.ok(!['link', 'image', 'definition'].includes(n.type), `user text became a ${n.type} in the roadmap Markdown`);
      }
      const heading = tree.children.find((n) => n.type === 'heading');
      assert.ok(heading && toString(heading).replace(/\u2060/g, '').endsWith(P.urls), `the title with URLs is the heading, as text: ${heading && toString(heading)}`);
    });

    it('roadmap --output .svg: no script, handler or javascript: URL in the SVG', async () => {
      const file = join(out, 'roadmap.svg');
      const run = strategy(['roadmap', '--root', dir, '--type', 'dependencies', '--as-of', AS_OF, '--output', file]);
      assert.equal(run.status, 0, run.stderr);
      const { text, scripts } = await inspect(file, async () => undefined);
      assert.equal(scripts, 0, 'a script element in the SVG');
      assert.ok(text.includes('<script>'), 'the hostile title is not shown as text');
    });

    for (const kind of ['council', 'inventory', 'compliance'] as const) {
      it(`report ${kind} --format html: user text shown as text, nothing runs`, async () => {
        const file = join(out, `report-${kind}.html`);
        const run = strategy(['report', kind, '--root', dir, '--format', 'html', '--as-of', AS_OF, '--output', file]);
        assert.equal(run.status, 0, run.stderr);
        const { text } = await inspect(file, async () => undefined);
        assert.ok(text.includes(`KI ${P.script}`), 'the measure title is not shown as text');
      });
    }
  });

  describe('export', () => {
    /** RFC 4180 with `;` (what German Excel reads). */
    function parseCsv(text: string): string[][] {
      const rows: string[][] = [];
      let row: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
          if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
          else if (c === '"') quoted = false;
          else cell += c;
        } else if (c === '"' && cell === '') quoted = true;
        else if (c === ';') row.push(cell), (cell = '');
        else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
        else cell += c;
      }
      if (cell !== '' || row.length) row.push(cell), rows.push(row);
      return rows;
    }

    it('CSV: no cell starts a formula (=, +, -, @, tab, CR); negative numbers stay numbers', () => {
      const run = strategy(['export', '--root', dir, '--format', 'csv', '--as-of', AS_OF]);
      assert.equal(run.status, 0, run.stderr);
      const rows = parseCsv(run.stdout.replace(/^\uFEFF/, ''));
      assert.ok(rows.length >= 5, 'a header and a row per measure');
      const cells = rows.flat();
      for (const cell of cells) {
        assert.doesNotMatch(cell, /^[=+@\t\r]/, `cell starts a formula: ${JSON.stringify(cell)}`);
        if (cell.startsWith('-')) assert.match(cell, /^-\d+(,\d+)?$/, `cell starts a formula: ${JSON.stringify(cell)}`);
      }
      assert.ok(cells.some((c) => c.includes(`'${P.csvFormula}`) || c.includes(`'${P.ansi}`)), 'the formula is kept, as text');
      assert.ok(cells.includes("'-1+1"), 'the owner "-1+1" is kept, as text');
    });

    it('JSON: user text round-trips exactly', () => {
      const run = strategy(['export', '--root', dir, '--format', 'json', '--as-of', AS_OF]);
      assert.equal(run.status, 0, run.stderr);
      const doc = JSON.parse(run.stdout) as { measures: Array<{ id: string; title: string; owner?: string }> };
      const a = doc.measures.find((m) => m.id === 'INJ-A');
      assert.equal(a?.title, `KI ${P.script} ${P.img} ${P.markdown}`);
      assert.equal(a?.owner, `${P.ansi} ${P.csvFormula}`);
      assert.ok(doc.measures.some((m) => m.id === `D\x1b[2J\x1b]0;titel\x07`));
    });
  });

  describe('lint formats', () => {
    let json: { findings: Array<{ file: string; line: number; rule: string; severity: string; measure?: string; message: string }>; waived: Array<{ reason: string; message: string }> };
    before(() => {
      const run = strategy(['lint', '--root', dir, '--format', 'json', '--as-of', AS_OF]);
      assert.equal(run.status, 1, run.stderr);
      json = JSON.parse(run.stdout);
    });

    it('JSON: parses, and text with quotes, backslashes and control characters round-trips', () => {
      assert.ok(json.findings.some((f) => f.measure === `D\x1b[2J\x1b]0;titel\x07`), 'the id with control characters');
      assert.ok(json.waived.some((w) => w.reason === `${P.mdLink} ${P.script} ${P.github}`), 'the waiver reason');
    });

    it('SARIF: parses, one result per finding with the same message', () => {
      const run = strategy(['lint', '--root', dir, '--format', 'sarif', '--as-of', AS_OF]);
      assert.equal(run.status, 1, run.stderr);
      validateSarifTextLater(run.stdout, 'injection: SARIF of the hostile repository');
      const sarif = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
      const messages = sarif.runs[0].results.map((r) => r.message.text).sort();
      // Waived findings are results too, with an accepted suppression. Brackets are escaped in SARIF.
      assert.deepEqual(messages, [...json.findings, ...json.waived].map((f) => sarifText(f.message)).sort());
    });

    it('JUnit: well-formed XML whose failures carry the messages', async function () {
      const run = strategy(['lint', '--root', dir, '--format', 'junit', '--as-of', AS_OF]);
      assert.equal(run.status, 1, run.stderr);
      const executablePath = needChromium(this);
      // The browser's XML parser is strict: any escaping mistake is a parser error.
      const { chromium } = require('playwright-core') as typeof import('playwright-core');
      const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
      try {
        const page = await browser.newPage();
        const parsed = await page.evaluate((xml) => {
          const doc = new DOMParser().parseFromString(xml, 'application/xml');
          const error = doc.querySelector('parsererror')?.textContent ?? '';
          return { error, testcases: doc.querySelectorAll('testcase').length, failures: Array.from(doc.querySelectorAll('failure')).map((f) => f.getAttribute('message') ?? '') };
        }, run.stdout);
        assert.equal(parsed.error, '');
        const invalidInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
        const errors = json.findings.filter((f) => f.severity === 'error').map((f) => f.message.replace(invalidInXml, ''));
        assert.deepEqual(parsed.failures.sort(), errors.sort());
        // One testcase per file read: an injected <testcase> would add one.
        assert.equal(parsed.testcases, new Set([...result.model.files, ...json.findings.map((f) => f.file)]).size);
      } finally {
        await browser.close();
      }
    });

    it('GitHub: one workflow command per finding, none injected', () => {
      const run = strategy(['lint', '--root', dir, '--format', 'github', '--as-of', AS_OF]);
      assert.equal(run.status, 1, run.stderr);
      const lines = run.stdout.replace(/\n$/, '').split(/\r\n|\r|\n/);
      assert.equal(lines.length, json.findings.length);
      for (const l of lines) assert.match(l, /^::(error|warning|notice) file=[^:]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]*::/);
    });

    it('no output on stdout carries a CI command (a file name, an id, a title), and machine formats keep the values', () => {
      for (const format of ['stylish', 'json', 'sarif', 'junit']) {
        const run = strategy(['lint', '--root', dir, '--format', format, '--as-of', AS_OF], { NO_COLOR: '1' });
        assert.equal(run.status, 1, run.stderr);
        assert.ok(run.stdout.includes('gef'), `${format}: the payload file was not linted`);
        assert.doesNotMatch(run.stdout, CI_COMMAND, `${format}: a CI command reached stdout`);
      }
      assert.ok(json.findings.some((f) => f.measure === P.ciValue && f.file === `measures/${P.ciFile}.yaml`), 'JSON keeps the id and file name');
    });

    it('SARIF: brackets in message text are escaped, so user text makes no embedded link (SARIF §3.11.6)', () => {
      const run = strategy(['lint', '--root', dir, '--format', 'sarif', '--as-of', AS_OF]);
      const sarif = JSON.parse(run.stdout) as { runs: Array<{ results: Array<{ message: { text: string }; relatedLocations?: Array<{ message: { text: string } }> }> }> };
      const texts = sarif.runs[0].results.flatMap((r) => [r.message.text, ...(r.relatedLocations ?? []).map((l) => l.message.text)]);
      assert.ok(texts.some((t) => t.includes('\\[')), 'a message with a bracket was expected');
      for (const t of texts) assert.doesNotMatch(t, /(^|[^\\])[[\]]/, `unescaped bracket: ${t}`);
    });

    const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;
    it('stylish without colour: no control characters from user text reach the terminal', () => {
      const run = strategy(['lint', '--root', dir, '--as-of', AS_OF], { NO_COLOR: '1' });
      assert.equal(run.status, 1, run.stderr);
      assert.ok(run.stdout.includes('INJ-A'));
      assert.doesNotMatch(run.stdout, CONTROL);
    });

    it('stylish with colour: only the formatter’s own colour codes', () => {
      const run = strategy(['lint', '--root', dir, '--as-of', AS_OF], { FORCE_COLOR: '1' });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /\x1b\[31m/, 'colour was asked for');
      assert.doesNotMatch(run.stdout.replace(/\x1b\[\d+m/g, ''), CONTROL);
    });
  });

  describe('notes on stderr', () => {
    // The note about measures without dates lists their ids (here with ESC [2J, which clears the
    // screen, and an OSC title change): made printable as in cli/format/stylish.ts.
    it('roadmap: ids in the note about measures without dates reach the terminal as text', () => {
      const run = strategy(['roadmap', '--root', dir, '--as-of', AS_OF]);
      assert.equal(run.status, 0, run.stderr);
      assert.ok(run.stderr.length > 0, 'a note was expected');
      assert.doesNotMatch(run.stderr, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
      assert.ok(run.stderr.includes('gef'), 'the payload id was expected in the note');
      assert.doesNotMatch(run.stderr, CI_COMMAND);
      assert.doesNotMatch(run.stdout, CI_COMMAND, 'Mermaid on stdout');
    });

    // Break 9 of issue 12: an `include` glob (shown by `new`) and a marker setting of `--update`
    // (shown in its error) carry ESC, an OSC link and 3,000 characters: one printable, bounded line.
    it('new and roadmap --update: repository text in an error is one printable line of at most 500 characters', () => {
      const hostile = `\x1b[2J\x1b]8;;https://evil.example\x07::error::x${'a'.repeat(3000)}`;
      const repo = mkdtempSync(join(tmpdir(), 'strategy-stderr-'));
      try {
        writeFileSync(join(repo, 'strategy.yaml'), stringify({ schema: 1, title: 'T', organisation: 'O', include: [`${hostile}/**/*.md`], fields: [{ id: 'f', title: 'F' }] }));
        writeFileSync(join(repo, 'R.md'), `# R\n<!-- roadmap:start type=gantt ${hostile} -->\n<!-- roadmap:end -->\n`);
        for (const args of [['new', 'measure', '--title', 'Test', '--field', 'f', '--root', repo], ['roadmap', '--update', join(repo, 'R.md'), '--root', repo, '--as-of', AS_OF]]) {
          const run = strategy(args);
          assert.equal(run.status, 2, `${args[0]}: ${run.stderr}`);
          const lines = run.stderr.split('\n').filter(Boolean);
          assert.equal(lines.length, 1, `${args[0]}: ${run.stderr}`);
          assert.ok([...lines[0]].length <= 500, `${args[0]}: a line of ${[...lines[0]].length} characters`);
          assert.ok(lines[0].includes('aaaa'), `${args[0]}: the repository text is quoted: ${lines[0]}`);
          assert.doesNotMatch(lines[0], /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/, args[0]);
          assert.doesNotMatch(run.stderr, CI_COMMAND, args[0]);
        }
      } finally {
        rmSync(repo, { recursive: true, force: true });
      }
    });

    it('report and export: nothing from the repository on stderr', () => {
      for (const args of [['report', 'inventory', '--format', 'md'], ['export', '--format', 'csv'], ['export', '--format', 'json']]) {
        const run = strategy([...args, '--root', dir, '--as-of', AS_OF]);
        assert.equal(run.status, 0, run.stderr);
        assert.doesNotMatch(run.stderr, /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
        if (args[0] === 'export') assert.ok(run.stdout.includes('gef'), `${args.join(' ')}: the payload was expected on stdout`);
        assert.doesNotMatch(run.stdout, CI_COMMAND, `${args.join(' ')}: a CI command reached stdout`);
      }
    });
  });

  describe('VS Code roadmap webview', () => {
    const CSP_SOURCE = 'https://webview.test';
    let html = '';
    const posted: Array<Record<string, unknown>> = [];

    before(async () => {
      // The extension imports `vscode`; a stub provides what the panel uses and records the rest.
      const panel = openStubbedRoadmapPanel({ cspSource: CSP_SOURCE, dir, result, type: 'dependencies', posted });
      html = panel.html;
      await panel.toPanel({ type: 'ready' });
    });

    it('the panel HTML holds no user text; user text only travels in the render message', () => {
      assert.ok(html.length > 0, 'no HTML was set');
      for (const text of [result.model.strategy.title!, 'Strategie', 'INJ-A', 'KI ', 'Feld', '__pwned', 'onerror', 'javascript:']) {
        assert.ok(!html.includes(text), `"${text}" in the panel HTML`);
      }
      const render = posted.find((m) => m.type === 'render');
      assert.ok(render, 'the panel sent no render message');
      assert.ok((render.sources as string[]).join('\n').includes('INJ'), 'the roadmap reaches the webview by message');
    });

    it('the panel HTML has a strict CSP with a nonce on every script, and no inline code', () => {
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      assert.ok(csp, 'no Content-Security-Policy');
      const directives = new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1)] as [string, string[]]));
      assert.deepEqual(directives.get('default-src'), ["'none'"]);
      const scriptSrc = directives.get('script-src') ?? [];
      const nonce = scriptSrc.find((s) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(s))?.slice(7, -1);
      assert.ok(nonce, `script-src without a nonce: ${scriptSrc.join(' ')}`);
      assert.ok(!scriptSrc.some((s) => /unsafe-inline|unsafe-eval|\*|https?:/.test(s)), `script-src too wide: ${scriptSrc.join(' ')}`);
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      assert.ok(scripts.length >= 1);
      for (const [, attrs, body] of scripts) {
        assert.match(attrs, new RegExp(`nonce="${nonce}"`), `script without the nonce: ${attrs}`);
        assert.match(attrs, /\ssrc="/, 'an inline script');
        assert.equal(body.trim(), '');
      }
      assert.doesNotMatch(html, /\son\w+\s*=/i, 'an inline event handler');
      // Every script and style comes from the extension's media folder.
      for (const [, url] of html.matchAll(/(?:src|href)="([^"]+)"/g)) assert.ok(url.startsWith(`${CSP_SOURCE}/media/`), url);
    });

    it('in a browser, the hostile roadmap renders and nothing from it runs', async function () {
      const executablePath = needChromium(this);
      const render = posted.find((m) => m.type === 'render')!;
      const { chromium } = require('playwright-core') as typeof import('playwright-core');
      const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
      try {
        const page = await browser.newPage();
        const dialogs: string[] = [];
        const cspViolations: string[] = [];
        page.on('dialog', (d) => (dialogs.push(d.message()), void d.dismiss()));
        page.on('console', (m) => /Content Security Policy/i.test(m.text()) && cspViolations.push(m.text()));
        page.on('console', (m) => process.env.DEBUG_WEBVIEW && console.log('console:', m.text()));
        page.on('pageerror', (e) => process.env.DEBUG_WEBVIEW && console.log('pageerror:', e.message));
        page.on('request', (r) => process.env.DEBUG_WEBVIEW && console.log('request:', r.url()));
        // The webview's resources, served as VS Code would; everything else is blocked.
        await page.route('**/*', (route) => {
          const url = route.request().url();
          if (url === `${CSP_SOURCE}/index.html`) return route.fulfill({ contentType: 'text/html', body: html });
          const m = /^https:\/\/webview\.test\/media\/([\w.-]+)$/.exec(url);
          if (m && existsSync(join(PROJECT, 'media', m[1]))) return route.fulfill({ body: readFileSync(join(PROJECT, 'media', m[1])), contentType: m[1].endsWith('.css') ? 'text/css' : 'text/javascript' });
          return route.abort();
        });
        // A string, not a function: the test's compiler would add helpers the page does not have.
        await page.addInitScript('window.__posted = []; window.acquireVsCodeApi = function () { return { postMessage: function (m) { window.__posted.push(m); }, getState: function () {}, setState: function () {} }; };');
        await page.goto(`${CSP_SOURCE}/index.html`);
        await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some((m) => m.type === 'ready'));
        await page.evaluate((msg) => window.postMessage(msg, '*'), render);
        await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some((m) => m.type === 'rendered'), undefined, { timeout: 60_000 });
        const state = await page.evaluate(() => {
          const all = Array.from(document.querySelectorAll('*'));
          const w = window as unknown as { __pwned?: number; __posted: Array<{ type: string; count?: number }> };
          return {
            pwned: w.__pwned,
            rendered: w.__posted.find((m) => m.type === 'rendered')?.count,
            svgs: document.querySelectorAll('#diagrams svg').length,
            handlers: all.flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`)),
            jsUrls: all.flatMap((el) => ['href', 'src', 'xlink:href'].map((n) => el.getAttribute(n) ?? '').filter((v) => /^\s*javascript:/i.test(v))),
            scripts: document.scripts.length,
            text: Array.from(document.querySelectorAll('#diagrams svg')).map((s) => s.textContent).join(' '),
          };
        });
        assert.equal(state.pwned, undefined, 'a script from user text ran');
        assert.deepEqual(dialogs, []);
        assert.equal(state.rendered, (render.sources as string[]).length, 'not every diagram rendered');
        assert.ok(state.svgs >= 1);
        assert.deepEqual(state.handlers, []);
        assert.deepEqual(state.jsUrls, []);
        assert.equal(state.scripts, 2, 'only the two scripts of the extension');
        assert.ok(state.text.includes('<script>'), 'the hostile title is shown as text');
        assert.deepEqual(cspViolations, [], 'the webview broke its own CSP');
      } finally {
        await browser.close();
      }
    });

    it('the webview script renders Mermaid with securityLevel strict and never inserts user text as HTML', () => {
      const js = readFileSync(join(PROJECT, 'media', 'roadmap.js'), 'utf8');
      assert.match(js, /securityLevel:\s*'strict'/);
      // innerHTML only ever receives Mermaid's (sanitised) SVG; messages and summaries go in as text.
      for (const [, target] of js.matchAll(/(\w+)\.innerHTML\s*=\s*([^;]+);/g)) assert.equal(target.trim(), 'div');
      assert.ok(![...js.matchAll(/innerHTML\s*=\s*([^;]+);/g)].some(([, v]) => !/^svg$/.test(v.trim())), 'innerHTML gets something other than the SVG');
      assert.doesNotMatch(js, /insertAdjacentHTML|document\.write|eval\(|new Function/);
    });
  });
});
