/**
 * The council report's HTML is accessible: zero axe-core violations of the WCAG 2.1 A/AA rules in
 * Chromium (issue 13), for examples/herne answering the real inquiry and for the report fixture,
 * German and English, with the roadmap drawn as SVG.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { needChromium } from './helpers/environment';

const PROJECT = resolve(__dirname, '..');
const CLI = join(PROJECT, 'dist', 'cli.js');
const HERNE = join(PROJECT, 'examples', 'herne');
const FIXTURE = join(__dirname, 'fixtures', 'report', 'musterstadt');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

describe('council report HTML: accessibility (axe-core, WCAG 2.1 AA)', function () {
  this.timeout(300_000);
  let browser: Browser | undefined;
  let dir: string;

  before(async function () {
    const executablePath = needChromium(this);
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
    dir = mkdtempSync(join(tmpdir(), 'strategy-a11y-'));
  });
  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const cases: Array<[string, string[]]> = [
    ['herne-de', ['--root', HERNE, '--inquiry', join(HERNE, 'inquiries', '2025-05-14-fdp-ki.yaml')]],
    ['herne-en', ['--root', HERNE, '--inquiry', join(HERNE, 'inquiries', '2025-05-14-fdp-ki.yaml'), '--lang', 'en']],
    ['fixture-de', ['--root', FIXTURE]],
  ];
  for (const [name, args] of cases) {
    it(`${name}: zero violations`, async () => {
      const file = join(dir, `${name}.html`);
      const r = spawnSync(process.execPath, [CLI, 'report', 'council', '--as-of', '2026-11-26', '--output', file, ...args], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      // The report's Content-Security-Policy forbids inline scripts; axe is the test's, not the page's.
      const context = await browser!.newContext({ bypassCSP: true });
      try {
        const page = await context.newPage();
        await page.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
        await page.goto('file://' + file, { waitUntil: 'load' });
        await page.addScriptTag({ content: AXE });
        type AxeResult = { violations: Array<{ id: string; nodes: Array<{ target: unknown }> }>; passes: unknown[] };
        const result = (await page.evaluate(async (tags) => {
          const axe = (window as unknown as { axe: { run(ctx: unknown, o: object): Promise<AxeResult> } }).axe;
          const res = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
          return { violations: res.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) })), passes: res.passes.map(() => 0) };
        }, WCAG21_AA)) as AxeResult;
        // axe ran and checked something (a page it could not read would pass trivially).
        assert.ok(result.passes.length > 10, `only ${result.passes.length} checks passed`);
        assert.deepEqual(result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`), []);
      } finally {
        await context.close();
      }
    });
  }
});
