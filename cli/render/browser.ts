// Headless Chromium for everything that needs a real layout engine: Mermaid → SVG/PNG and
// HTML → PDF. One browser serves many pages; the page never touches the network (every request
// is aborted) and Mermaid comes from the local node_modules, never from a CDN.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { UsageError } from '../errors';
import { MessageError } from '../../strategy/index';
import { writeFileAtomic } from '../io';

/** Environment variable that points at a Chromium/Chrome executable. */
export const CHROMIUM_ENV = 'STRATEGY_CHROMIUM';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

const CHROMIUM_ARGS = [
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Chromium's sandbox isolates the page that renders repository content (docs/security.md). It is
 * on for every user but root: Chromium refuses to start sandboxed as root (CI containers run as
 * root), and there the page is still offline, script-free or Mermaid-only and under a CSP.
 * Playwright passes `--no-sandbox` itself unless `chromiumSandbox` is true.
 */
export function chromiumSandbox(uid: number | undefined = process.getuid?.()): boolean {
  return uid !== 0;
}

/** Mermaid's own limit is 50,000 characters; where we render, we allow more (diagrams are split anyway). */
export const RENDER_MAX_TEXT_SIZE = 500_000;

/** Raised when no browser is found: a user problem, exit code 2. */
export class BrowserMissingError extends UsageError {
  /** `configured`: the path $STRATEGY_CHROMIUM names, when it does not exist. */
  constructor(configured?: string) {
    super(configured === undefined ? 'cli.tool.noChromium' : 'cli.tool.chromiumMissing', { env: CHROMIUM_ENV, path: configured ?? '' });
  }
}

/** The browser executable to use: $STRATEGY_CHROMIUM, else the first well-known path that exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[CHROMIUM_ENV];
  if (configured) {
    if (!existsSync(configured)) throw new BrowserMissingError(configured);
    return configured;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new BrowserMissingError();
  return found;
}

/** Path of mermaid's self-contained browser bundle (`dist/mermaid.min.js`) in node_modules. */
export function mermaidBundlePath(): string {
  try {
    return require.resolve('mermaid/dist/mermaid.min.js');
  } catch {
    throw new UsageError('cli.tool.notInstalled', { tool: 'mermaid' });
  }
}

// Playwright is loaded by a computed name so that the bundler leaves it out of dist/cli.js: it
// resolves its own driver files at run time and does not survive bundling.
async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  const name = 'playwright-core';
  try {
    return (await import(name)) as typeof import('playwright-core');
  } catch {
    throw new UsageError('cli.tool.notInstalled', { tool: 'playwright-core' });
  }
}

export interface BrowserOptions {
  /** Viewport of new pages (CSS pixels). */
  width?: number;
  height?: number;
  /** Pixel ratio for screenshots (2 gives crisp PNGs). */
  deviceScaleFactor?: number;
}

/**
 * Runs `fn` with one headless browser context (a temporary profile, removed afterwards). Use it
 * to render many diagrams or documents with a single browser start.
 */
export async function withBrowser<T>(fn: (context: BrowserContext) => Promise<T>, opts: BrowserOptions = {}): Promise<T> {
  const executablePath = findChromium();
  const { chromium } = await loadPlaywright();
  const profile = mkdtempSync(join(tmpdir(), 'strategy-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      chromiumSandbox: chromiumSandbox(),
      viewport: { width: opts.width ?? 1600, height: opts.height ?? 1000 },
      deviceScaleFactor: opts.deviceScaleFactor ?? 1,
      offline: true,
      timeout: 60_000,
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    const first = String((e as Error).message ?? e).split('\n')[0];
    throw new UsageError('cli.tool.chromium', { path: executablePath, reason: first });
  }
  try {
    // Offline by construction: nothing a document references may be fetched.
    await context.route('**/*', (route) => route.abort());
    return await fn(context);
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Runs `fn` with a fresh page in a fresh browser (for one-off jobs such as a PDF). */
export async function withPage<T>(fn: (page: Page) => Promise<T>, opts: BrowserOptions = {}): Promise<T> {
  return withBrowser(async (context) => {
    const page = await context.newPage();
    try {
      return await fn(page);
    } finally {
      await page.close().catch(() => undefined);
    }
  }, opts);
}

export interface MermaidRenderOptions {
  /** Mermaid theme: default, neutral, dark, forest, base. */
  theme?: string;
  /**
   * SVG only: width and height set to the drawing's own size (for .svg files and images) instead
   * of Mermaid's `width="100%"` (which suits SVG placed inline in HTML).
   */
  naturalSize?: boolean;
}

/** Loads mermaid.min.js into a blank page and initialises it (strict security, no auto start). */
export async function prepareMermaidPage(page: Page, opts: MermaidRenderOptions = {}): Promise<void> {
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ path: mermaidBundlePath() });
  await page.evaluate(
    ({ theme, maxTextSize }) => {
      const m = (globalThis as unknown as { mermaid: { initialize(c: object): void } }).mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict', theme, maxTextSize, gantt: { useWidth: 1400 } });
    },
    { theme: opts.theme ?? 'default', maxTextSize: RENDER_MAX_TEXT_SIZE },
  );
}

async function renderOne(page: Page, source: string, index: number, naturalSize = false): Promise<string> {
  const result = await page.evaluate(
    async ({ source, id, naturalSize }) => {
      const m = (globalThis as unknown as { mermaid: { render(id: string, s: string): Promise<{ svg: string }> } }).mermaid;
      let svg: string;
      try {
        svg = (await m.render(id, source)).svg;
      } catch (e) {
        return { error: String((e as Error)?.message ?? e) };
      }
      // Mermaid serialises as HTML (`<br>` in labels); an .svg file must be XML.
      const holder = document.createElement('div');
      holder.innerHTML = svg;
      const el = holder.querySelector('svg');
      if (!el) return { error: 'no <svg> in the output' };
      const box = el.viewBox?.baseVal;
      if (naturalSize && box && box.width > 0) {
        el.setAttribute('width', String(Math.ceil(box.width)));
        el.setAttribute('height', String(Math.ceil(box.height)));
        el.style.removeProperty('max-width');
      }
      return { svg: new XMLSerializer().serializeToString(el) };
    },
    { source, id: `roadmap-${index + 1}`, naturalSize },
  );
  if ('error' in result) throw new MessageError('cli.tool.mermaidFailed', { n: index + 1, detail: String(result.error) });
  return result.svg;
}

/** Renders Mermaid sources to standalone SVG documents, one browser for all of them. */
export async function renderMermaidToSvg(sources: string[], opts: MermaidRenderOptions = {}): Promise<string[]> {
  return withPage(async (page) => {
    await prepareMermaidPage(page, opts);
    const out: string[] = [];
    for (const [i, source] of sources.entries()) out.push(await renderOne(page, source, i, opts.naturalSize));
    return out;
  });
}

/** Renders Mermaid sources to PNG images (2× pixel ratio, white background), one browser for all. */
export async function renderMermaidToPng(sources: string[], opts: MermaidRenderOptions & { scale?: number } = {}): Promise<Uint8Array[]> {
  return withPage(
    async (page) => {
      await prepareMermaidPage(page, opts);
      const out: Uint8Array[] = [];
      for (const [i, source] of sources.entries()) {
        const svg = await renderOne(page, source, i);
        await page.evaluate((markup) => {
          document.body.style.margin = '0';
          document.body.style.background = '#fff';
          const holder = document.createElement('div');
          holder.id = 'shot';
          holder.style.display = 'inline-block';
          holder.style.padding = '16px';
          holder.style.background = '#fff';
          holder.innerHTML = markup;
          document.getElementById('shot')?.remove();
          document.body.appendChild(holder);
          // Mermaid sizes its SVG to 100% of the container; a screenshot wants its natural size.
          const svgEl = holder.querySelector('svg');
          const box = svgEl?.viewBox?.baseVal;
          if (svgEl && box && box.width > 0) {
            svgEl.setAttribute('width', String(box.width));
            svgEl.setAttribute('height', String(box.height));
            svgEl.style.maxWidth = 'none';
          }
        }, svg);
        out.push(await page.locator('#shot').screenshot({ type: 'png' }));
      }
      return out;
    },
    { deviceScaleFactor: opts.scale ?? 2 },
  );
}

export interface PdfOptions {
  format?: 'A4' | 'A3' | 'Letter';
  landscape?: boolean;
  /** Margins as CSS lengths, e.g. "20mm". */
  margin?: { top?: string; right?: string; bottom?: string; left?: string };
  /** Chromium header/footer templates (HTML with classes pageNumber, totalPages, date, title). */
  headerTemplate?: string;
  footerTemplate?: string;
  /** Render `<pre class="mermaid">` / `<div class="mermaid">` blocks with the bundled Mermaid before printing. */
  mermaid?: boolean;
}

/**
 * Prints a self-contained HTML document to a PDF file (written atomically). The page is offline:
 * images and styles must be inline (data: URLs, <style>).
 */
export async function printToPdf(html: string, file: string, opts: PdfOptions = {}): Promise<void> {
  const pdf = await withPage(async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    if (opts.mermaid) {
      await page.addScriptTag({ path: mermaidBundlePath() });
      await page.evaluate(async (maxTextSize) => {
        const m = (globalThis as unknown as { mermaid: { initialize(c: object): void; run(o: object): Promise<void> } }).mermaid;
        m.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize });
        await m.run({ querySelector: '.mermaid' });
      }, RENDER_MAX_TEXT_SIZE);
    }
    await page.emulateMedia({ media: 'print' });
    const withTemplates = Boolean(opts.headerTemplate || opts.footerTemplate);
    return page.pdf({
      format: opts.format ?? 'A4',
      landscape: opts.landscape ?? false,
      printBackground: true,
      // Tagged PDF with the headings as outline (BITV 2.0 / PDF/UA): title and language come from the page.
      tagged: true,
      outline: true,
      margin: opts.margin ?? { top: '20mm', right: '18mm', bottom: '20mm', left: '18mm' },
      displayHeaderFooter: withTemplates,
      headerTemplate: opts.headerTemplate ?? '<span></span>',
      footerTemplate: opts.footerTemplate ?? '<span></span>',
    });
  });
  writeFileAtomic(file, pdf);
}
