// DOCX: the roadmap goes in by diagram id (cli/report/docx.ts looks the PNG up in the document's
// diagrams), with the diagram's alt text, followed by its text alternative; without a PNG for
// that id a sentence stands there, never the Mermaid source. In-process, with a PNG made here.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import JSZip from 'jszip';
import { loadWorkspace } from '../cli/load';
import { reportToDocx } from '../cli/report/docx';
import { buildReport } from '../strategy/report/index';

const FIXTURE = join(__dirname, 'fixtures', 'report', 'musterstadt');

/** A 1×1 PNG (signature, IHDR, IDAT, IEND). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function documentXml(images: ReadonlyMap<string, Uint8Array> | null): Promise<{ xml: string; media: string[] }> {
  const doc = buildReport(loadWorkspace(FIXTURE).lint({ asOf: '2026-11-26' }), 'council', { lang: 'de' });
  const zip = await JSZip.loadAsync(await reportToDocx(doc, { images, generator: 'test' }));
  return { xml: await zip.file('word/document.xml')!.async('string'), media: Object.keys(zip.files).filter((f) => f.startsWith('word/media/')) };
}

describe('report DOCX: diagrams by id', () => {
  const doc = buildReport(loadWorkspace(FIXTURE).lint({ asOf: '2026-11-26' }), 'council', { lang: 'de' });
  const [diagram] = doc.diagrams;

  it('puts the PNG of the diagram id where the diagram stands, with its alt text, the text version after it', async () => {
    const { xml, media } = await documentXml(new Map([[diagram.id, PNG]]));
    assert.equal(media.length, 1);
    const docPr = /<wp:docPr [^>]*>/.exec(xml)?.[0] ?? '';
    assert.match(docPr, new RegExp(`name="${diagram.id}"`));
    const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    assert.ok(docPr.includes(`descr="${attr(diagram.alt)}"`), docPr);
    assert.ok(docPr.includes(`title="${attr(diagram.caption)}"`), 'Word shows the caption as the title');
    assert.ok(xml.indexOf('<wp:docPr') < xml.indexOf('Textfassung des Zeitplans'), 'the text version follows the drawing');
    assert.ok(!xml.includes('gantt'), 'no Mermaid source');
  });

  it('without a PNG for that id (or no browser at all): a sentence, never the Mermaid source', async () => {
    for (const images of [new Map([['another-id', PNG]]), null]) {
      const { xml, media } = await documentXml(images);
      assert.equal(media.length, 0);
      assert.ok(xml.includes('weil Chromium fehlt'));
      assert.ok(!xml.includes('gantt'));
      assert.ok(xml.includes('Textfassung des Zeitplans'), 'the text version is there all the same');
    }
  });
});
