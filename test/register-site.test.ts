import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { assertOneLineError, buildCli, PROJECT, strategy, tempDir } from './lifecycle-helpers';
import { needChromium } from './helpers/environment';

const HERNE = join(PROJECT, 'examples', 'herne');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

/** A repository whose register entry holds markup and a script address in every text. */
function hostileRepo(): string {
  const dir = join(tempDir(), 'hostile');
  mkdirSync(join(dir, 'measures'), { recursive: true });
  writeFileSync(join(dir, 'strategy.yaml'), 'schema: 1\ntitle: T\norganisation: "Stadt <b>X</b>"\nlint:\n  profile: register\n');
  writeFileSync(
    join(dir, 'measures', 'evil.yaml'),
    [
      'id: EVIL',
      'title: "<script>window.__pwned=1</script> KI"',
      'status: active',
      'description: "<img src=x onerror=window.__pwned=2>"',
      'ai: { category: chatbot, risk: limited, purpose: "</p><iframe src=https://example.org>" }',
      'register:',
      '  contact: "javascript:window.__pwned=3"',
      '  website: "https://example.org/\\"><script>window.__pwned=4</script>"',
      '',
    ].join('\n'),
  );
  return dir;
}

describe('strategy register: the public register as a website', function () {
  this.timeout(180_000);
  let site: string;
  let browser: Browser | undefined;

  before(() => {
    buildCli();
    site = join(tempDir(), 'site');
    const r = strategy(['register', '--root', HERNE, '--output', site, '--as-of', '2026-11-26', '--lang', 'en']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /7 systems published/);
  });
  after(async () => browser?.close());

  it('has an index, filter pages and a page per system, in German and English', () => {
    const all = files(site);
    for (const f of ['index.html', 'en/index.html', 'filter/in-use.html', 'en/filter/ai-high.html', 'systeme/ki-wohngeld.html', 'en/systems/ki-wohngeld.html', 'assets/site.css']) assert.ok(all.includes(f), f);
    const de = readFileSync(join(site, 'systeme', 'ki-wohngeld.html'), 'utf8');
    assert.match(de, /<html lang="de">/);
    assert.match(de, /Grundrechte-Folgenabschätzung|Folgenabschätzungen/);
    assert.match(de, /Wohngeldgesetz \(WoGG\)/);
    const en = readFileSync(join(site, 'en', 'systems', 'ki-wohngeld.html'), 'utf8');
    assert.match(en, /<html lang="en">/);
    assert.match(en, /Human oversight/);
  });

  it('shows "nicht angegeben" / "not stated" for what is not recorded, never "no"', () => {
    const de = readFileSync(join(site, 'systeme', 'ki-uebersetzung.html'), 'utf8');
    assert.match(de, /<dt>Menschliche Aufsicht<\/dt><dd><span class="not-stated">nicht angegeben<\/span>/);
    const en = readFileSync(join(site, 'en', 'systems', 'ki-uebersetzung.html'), 'utf8');
    assert.match(en, /<dt>Human oversight<\/dt><dd><span class="not-stated">not stated<\/span>/);
  });

  it('filters without JavaScript: a page per stage and kind with the matching systems only', () => {
    const retired = readFileSync(join(site, 'filter', 'retired.html'), 'utf8');
    assert.match(retired, /KI-gestützte|Kirmes/);
    assert.doesNotMatch(retired, /ki-wohngeld\.html/);
    const high = readFileSync(join(site, 'en', 'filter', 'ai-high.html'), 'utf8');
    assert.match(high, /ki-wohngeld\.html/);
    assert.match(high, /1 of 7 entries/);
  });

  it('loads nothing from elsewhere: no external stylesheet, script or image', () => {
    for (const f of files(site).filter((x) => x.endsWith('.html'))) {
      const html = readFileSync(join(site, f), 'utf8');
      assert.doesNotMatch(html, /<(link|script|img|iframe)[^>]+(src|href)="(https?:)?\/\//, f);
    }
  });

  describe('in a browser (headless Chromium)', () => {
    before(async function () {
      const executablePath = needChromium(this);
      const { chromium } = require('playwright-core') as typeof import('playwright-core');
      browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
    });

    async function open(file: string, javaScriptEnabled = true): Promise<{ page: Page; external: string[] }> {
      const context = await browser!.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const external: string[] = [];
      await page.route('**/*', (route) => {
        if (route.request().url().startsWith('file://')) return route.continue();
        external.push(route.request().url());
        return route.abort();
      });
      await page.goto('file://' + file, { waitUntil: 'load' });
      return { page, external };
    }

    it('axe-core: zero violations on every page type, German and English', async () => {
      for (const f of ['index.html', 'filter/retired.html', 'systeme/ki-wohngeld.html', 'systeme/ki-uebersetzung.html', 'en/index.html', 'en/filter/ai-high.html', 'en/systems/ki-chatbot.html']) {
        const { page, external } = await open(join(site, f));
        await page.addScriptTag({ content: AXE });
        type AxeResult = { violations: { id: string; nodes: unknown[] }[]; passes: unknown[] };
        const result = (await page.evaluate(async () => {
          const r = await (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run();
          return { violations: r.violations.map((v) => ({ id: v.id, nodes: v.nodes })), passes: r.passes.map(() => 0) };
        })) as AxeResult;
        // axe ran and checked something (a page it could not read would pass trivially).
        assert.ok(result.passes.length > 10, `${f}: only ${result.passes.length} checks passed`);
        assert.deepEqual(result.violations.map((v) => `${v.id} (${v.nodes.length})`), [], f);
        assert.deepEqual(external, [], f);
        await page.context().close();
      }
    });

    it('the 35 imported Algoritmeregister records publish accessibly too (real texts, placeholders, gaps)', async () => {
      const repo = join(tempDir(), 'nl');
      assert.equal(strategy(['import', 'algoritmeregister', join(PROJECT, 'test', 'fixtures', 'algoritmeregister', 'records-sample.json'), '--into', repo]).status, 0);
      const out = join(tempDir(), 'site');
      const r = strategy(['register', '--root', repo, '--output', out, '--as-of', '2026-11-26']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /35 systems published/);
      for (const f of ['index.html', 'en/filter/algorithm.html', 'en/systems/scanauto.html', 'systeme/wmo-voorspelmodel.html']) {
        const { page, external } = await open(join(out, f));
        await page.addScriptTag({ content: AXE });
        const violations = (await page.evaluate(async () => (await (window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe.run()).violations.map((v) => v.id))) as string[];
        assert.deepEqual(violations, [], f);
        assert.deepEqual(external, [], f);
        await page.context().close();
      }
    });

    it('search: the script shows the box and filters the list; without JavaScript the box stays hidden', async () => {
      const { page } = await open(join(site, 'index.html'));
      await page.fill('#q', 'chatbot');
      const visible = await page.$$eval('.systems li', (lis) => lis.filter((li) => !(li as HTMLElement).hidden).map((li) => li.querySelector('a')!.textContent));
      assert.deepEqual(visible.length, 1, JSON.stringify(visible));
      assert.match(await page.textContent('#count') ?? '', /^1 von 7/);
      await page.context().close();
      const noJs = await open(join(site, 'index.html'), false);
      assert.equal(await noJs.page.isVisible('#q'), false);
      assert.equal(await noJs.page.$$eval('.systems li', (lis) => lis.length), 7);
      await noJs.page.context().close();
    });

    it('user text stays text: markup and script addresses from the repository never run', async () => {
      const repo = hostileRepo();
      const out = join(tempDir(), 'site');
      const r = strategy(['register', '--root', repo, '--output', out, '--as-of', '2026-11-26']);
      assert.equal(r.status, 0, r.stderr);
      for (const f of ['index.html', 'systeme/evil.html', 'en/systems/evil.html']) {
        const { page, external } = await open(join(out, f));
        await page.waitForTimeout(100);
        const state = await page.evaluate(() => ({
          pwned: (window as unknown as { __pwned?: number }).__pwned,
          jsUrls: Array.from(document.querySelectorAll('[href]')).filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')).length,
          frames: document.querySelectorAll('iframe').length,
          text: document.body.innerText,
        }));
        assert.equal(state.pwned, undefined, f);
        assert.equal(state.jsUrls, 0, f);
        assert.equal(state.frames, 0, f);
        assert.deepEqual(external, [], f);
        assert.match(state.text, /<script>window.__pwned=1<\/script> KI/);
        await page.context().close();
      }
    });
  });

  it('writes only into a new, empty or earlier generated folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'keep.txt'), 'mine');
    const r = strategy(['register', '--root', HERNE, '--output', dir]);
    assert.equal(r.status, 2);
    assertOneLineError(r.stderr);
    assert.deepEqual(readdirSync(dir), ['keep.txt']);
    const again = strategy(['register', '--root', HERNE, '--output', site, '--as-of', '2026-11-26']);
    assert.equal(again.status, 0, again.stderr);
    assert.ok(existsSync(join(site, 'index.html')));
  });
});
