/**
 * Every table of the council report fits the page, in every format (issue 13): read as a reader
 * reads it – the HTML in Chromium at the printed width of A4, the PDF's text where it was printed,
 * the DOCX as Word lays out a fixed table. For examples/herne answering the real inquiry and for
 * a fixture with very long ids, titles and names (test/fixtures/report/long-words), German and
 * English. Long ids and compound names may break; ordinary words must not (docs/council-report.md).
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { hasCommand, needChromium, needs } from './helpers/environment';
import { readDocx, squeezedWords, tableWidthProblems } from './helpers/docx';
import { longWordLength } from '../cli/report/long-words';

const PROJECT = resolve(__dirname, '..');
const CLI = join(PROJECT, 'dist', 'cli.js');
const HERNE = join(PROJECT, 'examples', 'herne');
const LONG = join(__dirname, 'fixtures', 'report', 'long-words');
const INQUIRY = join(HERNE, 'inquiries', '2025-05-14-fdp-ki.yaml');

/** A4 portrait less the report's print margins (14 mm each side, cli/report/style.ts), in CSS pixels and points. */
const PRINT_WIDTH_PX = Math.floor(((210 - 2 * 14) / 25.4) * 96);
const MARGIN_PT = (14 / 25.4) * 72;

const CASES: Array<[string, string[]]> = [
  ['herne-de', ['--root', HERNE, '--inquiry', INQUIRY]],
  ['herne-en', ['--root', HERNE, '--inquiry', INQUIRY, '--lang', 'en']],
  ['long-words-de', ['--root', LONG]],
  ['long-words-en', ['--root', LONG, '--lang', 'en']],
];

describe('council report: every table fits the page (HTML, PDF, DOCX)', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'strategy-tables-fit-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function report(name: string, args: string[], ext: string): string {
    const file = join(dir, `${name}.${ext}`);
    const r = spawnSync(process.execPath, [CLI, 'report', 'council', '--as-of', '2026-11-26', '--output', file, ...args], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return file;
  }

  describe('HTML in Chromium at the printed width of A4', () => {
    let browser: Browser | undefined;
    before(async function () {
      const executablePath = needChromium(this);
      const { chromium } = require('playwright-core') as typeof import('playwright-core');
      browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
    });
    after(async () => browser?.close());

    for (const [name, args] of CASES) {
      it(`${name}: no table is wider than the page`, async () => {
        const file = report(name, args, 'html');
        const page = await browser!.newPage({ viewport: { width: PRINT_WIDTH_PX, height: 1200 } });
        try {
          await page.emulateMedia({ media: 'print' });
          await page.goto('file://' + file, { waitUntil: 'load' });
          const tables = await page.evaluate(() =>
            Array.from(document.querySelectorAll('table')).map((t) => ({
              caption: t.caption?.textContent ?? '',
              width: t.scrollWidth,
              container: t.parentElement!.clientWidth,
              page: document.querySelector('main')!.clientWidth,
            })),
          );
          assert.ok(tables.length >= 20, `only ${tables.length} tables`);
          assert.ok(tables.every((t) => t.page <= PRINT_WIDTH_PX));
          assert.deepEqual(
            tables.filter((t) => t.width > t.container || t.width > t.page).map((t) => `${t.caption}: ${t.width} px > ${t.container} px`),
            [],
          );
        } finally {
          await page.close();
        }
      });
    }
  });

  describe('PDF: the printed text stays on the page, at its own size', () => {
    for (const [name, args] of CASES) {
      it(`${name}: every word within the margins; nothing shrunk to fit`, function () {
        needChromium(this);
        needs(this, hasCommand('pdftotext'), 'pdftotext (poppler-utils) is not installed');
        const file = report(name, args, 'pdf');
        const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        const pages = [...xml.matchAll(/<page width="([\d.]+)" height="[\d.]+">([\s\S]*?)<\/page>/g)];
        assert.ok(pages.length > 5, `${pages.length} pages`);
        const outside: string[] = [];
        for (const [n, [, width, body]] of pages.entries()) {
          for (const [, xMin, xMax, word] of body.matchAll(/<word xMin="([\d.-]+)" yMin="[\d.-]+" xMax="([\d.-]+)" yMax="[\d.-]+">([^<]*)<\/word>/g)) {
            if (Number(xMax) > Number(width) - MARGIN_PT + 0.5 || Number(xMin) < MARGIN_PT - 0.5) outside.push(`page ${n + 1}: "${word}" at ${xMin}–${xMax} pt`);
          }
        }
        assert.deepEqual(outside.slice(0, 10), []);
        // Chromium shrinks a page whose content is too wide instead of cutting it: then every word
        // is on the page but smaller. The title (18 pt) and the footer (8 px = 6 pt, drawn apart
        // from the page's content and never shrunk) keep their ratio of 3 only when nothing shrank.
        const words = [...pages[0][2].matchAll(/<word xMin="[\d.-]+" yMin="([\d.-]+)" xMax="[\d.-]+" yMax="([\d.-]+)">/g)].map(([, y0, y1]) => Number(y1) - Number(y0));
        const ratio = words[0] / words[words.length - 1];
        assert.ok(Math.abs(ratio - 3) < 0.1, `the title is ${ratio.toFixed(2)}× the footer's height, not 3×: the page was shrunk to fit`);
      });
    }
  });

  describe('DOCX as Word lays out a fixed table', () => {
    for (const [name, args] of CASES) {
      it(`${name}: fixed layout, columns within the text width, ordinary words whole`, async function () {
        this.timeout(120_000);
        const docx = await readDocx(readFileSync(report(name, args, 'docx')));
        assert.deepEqual(tableWidthProblems(docx), []);
        assert.deepEqual(squeezedWords(docx, longWordLength).slice(0, 10), []);
      });
    }
  });
});
