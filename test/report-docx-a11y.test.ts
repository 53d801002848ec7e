/**
 * The council report as a Word file, checked as Word's Accessibility Checker checks it (issue 13):
 * title and language, headings with Word's heading styles and no skipped level, real alternative
 * texts, header rows repeated on every page, no empty paragraphs for spacing, links with text – and
 * a table of contents whose entries are there before Word updates any field, each a link to its
 * heading (docs/council-report.md, "The Word file"). In process, with a stand-in picture for each
 * diagram (Chromium draws the real ones: test/report-cli.test.ts).
 */
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import JSZip from 'jszip';
import { loadWorkspace } from '../cli/load';
import { reportToDocx } from '../cli/report/docx';
import { buildReport } from '../strategy/report/index';
import type { Lang } from '../strategy/types';
import { accessibilityProblems, readDocx, tableOfContents } from './helpers/docx';

const HERNE = join(__dirname, '..', 'examples', 'herne');
const LONG = join(__dirname, 'fixtures', 'report', 'long-words');

/** A 1×1 PNG: the writer needs a picture's size, not its looks. */
const PIXEL = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));

async function councilDocx(root: string, lang: Lang, withInquiry: boolean): Promise<Uint8Array> {
  const ws = loadWorkspace(root);
  const inquiry = withInquiry ? ws.parse('inquiries/2025-05-14-fdp-ki.yaml')?.inquiry : undefined;
  const doc = buildReport(ws.lint({ asOf: '2026-11-26' }), 'council', { lang, inquiry });
  assert.ok(doc.diagrams.length > 0, 'the report has diagrams');
  return reportToDocx(doc, { images: new Map(doc.diagrams.map((d) => [d.id, PIXEL])) });
}

describe('council report DOCX: accessible and with a table of contents', function () {
  this.timeout(120_000);
  const cases: Array<[string, string, Lang, boolean]> = [
    ['examples/herne, German', HERNE, 'de', true],
    ['examples/herne, English', HERNE, 'en', true],
    ['long-words fixture, German', LONG, 'de', false],
  ];
  for (const [name, root, lang, withInquiry] of cases) {
    it(`${name}: nothing for Word's Accessibility Checker to report`, async () => {
      const bytes = await councilDocx(root, lang, withInquiry);
      const docx = await readDocx(bytes);
      assert.deepEqual(accessibilityProblems(docx), []);
      // The checks above had something to check.
      const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
      assert.ok((xml.match(/<wp:docPr /g) ?? []).length > 0, 'pictures');
      assert.ok((xml.match(/<w:tbl>/g) ?? []).length > 10, 'tables');
      assert.match(xml, /w:val="Heading3"/);
    });

    it(`${name}: the table of contents lists every section without Word updating fields`, async () => {
      const bytes = await councilDocx(root, lang, withInquiry);
      const toc = tableOfContents(await readDocx(bytes));
      assert.deepEqual(toc.problems, []);
      assert.ok(toc.entries.length > 15, `${toc.entries.length} entries`);
      assert.match(toc.entries[0].text, lang === 'de' ? /^(Hinweis zur Verlässlichkeit|Auf einen Blick)/ : /^(Note on the reliability|At a glance)/);
      assert.ok(toc.entries.some((e) => e.level === 3));
      // No page numbers (\n): Word's own layout decides the pages, and an update keeps them out.
      assert.match(toc.instruction, /^TOC \\h \\n "2-3" \\o "2-3"$/);
      const zip = await JSZip.loadAsync(bytes);
      const xml = await zip.file('word/document.xml')!.async('string');
      assert.doesNotMatch(xml, /w:dirty="true"/, 'no field waits for an update');
      assert.doesNotMatch(await zip.file('word/settings.xml')!.async('string'), /updateFields/, 'Word does not ask to update fields on opening');
    });
  }

  it('the checker finds what it looks for (a document with the faults)', async () => {
    const bytes = await councilDocx(LONG, 'de', false);
    const zip = await JSZip.loadAsync(bytes);
    let xml = await zip.file('word/document.xml')!.async('string');
    xml = xml
      .replace('<w:pStyle w:val="Heading3"/>', '<w:pStyle w:val="Heading4"/>')
      .replace(/descr="[^"]*"/, 'descr="gantt"')
      .replace('<w:tblHeader/>', '')
      .replace('</w:tbl>', '</w:tbl><w:p></w:p>');
    zip.file('word/document.xml', xml);
    const styles = (await zip.file('word/styles.xml')!.async('string')).replace(/<w:lang [^>]*\/>/, '');
    zip.file('word/styles.xml', styles);
    const problems = accessibilityProblems(await readDocx(await zip.generateAsync({ type: 'uint8array' })));
    for (const expected of [/no document language/, /heading level skipped: 2 → 4/, /alternative text is not a description/, /header row does not repeat/, /an empty paragraph/]) {
      assert.ok(problems.some((p) => expected.test(p)), `${expected}: ${problems.join('; ')}`);
    }
  });
});
